package dev.testlet.examples.jersey;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * {@code /api/books}: list, read, add and remove books (adding and removing need the bearer token),
 * an asynchronous CSV export, and the whole catalogue as a finite SSE stream.
 */
@Path("/books")
@Produces(MediaType.APPLICATION_JSON)
public final class BooksResource {

    private final Shelf shelf;
    private final Feed feed;

    /**
     * @param shelf the books
     * @param feed where new books are announced
     */
    public BooksResource(Shelf shelf, Feed feed) {
        this.shelf = shelf;
        this.feed = feed;
    }

    /**
     * {@code GET /api/books}.
     *
     * @return every book
     */
    @GET
    public List<Book> list() {
        return shelf.all();
    }

    /**
     * {@code GET /api/books/{id}}.
     *
     * @param id the book's id
     * @return the book; a 404 through {@link LibraryExceptionMapper} when there is none
     */
    @GET
    @Path("/{id}")
    public Book get(@PathParam("id") long id) {
        return shelf.get(id);
    }

    /**
     * {@code POST /api/books}: adds a book and announces it on the {@link Feed}.
     *
     * @param book the posted book
     * @param uri the request's URI, for the {@code Location} header
     * @return 201 with the book; 400 or 409 through {@link LibraryExceptionMapper}
     */
    @POST
    @Secured
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewBook book, @Context UriInfo uri) {
        Book stored = shelf.add(book);
        feed.bookAdded(stored);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(stored.id())).build()).entity(stored).build();
    }

    /**
     * {@code DELETE /api/books/{id}}.
     *
     * @param id the book's id
     */
    @DELETE
    @Path("/{id}")
    @Secured
    public void remove(@PathParam("id") long id) {
        shelf.remove(id);
    }

    /**
     * {@code GET /api/books/export}: the shelf as CSV, built off the request thread on the app's
     * executor (the context attribute {@link LibraryApplication#EXECUTOR}); the request thread is
     * released at once and the response is resumed from the executor's thread.
     *
     * @param response resumed with the CSV, or with the failure (through the exception mappers)
     * @param context where the executor is
     */
    @GET
    @Path("/export")
    @Secured
    @Produces("text/csv")
    public void export(@Suspended AsyncResponse response, @Context ServletContext context) {
        executor(context).submit(() -> {
            try {
                StringBuilder csv = new StringBuilder("id,isbn,title\n");
                for (Book book : shelf.all()) {
                    csv.append(book.id()).append(',').append(book.isbn()).append(",\"")
                            .append(book.title().replace("\"", "\"\"")).append("\"\n");
                }
                response.resume(csv.toString());
            } catch (RuntimeException failure) {
                response.resume(failure);
            }
        });
    }

    /**
     * {@code GET /api/books/catalogue}: every book as a {@code book} event, then an {@code end}
     * event with the count, then the stream ends.
     *
     * @param sink the client's stream
     * @param sse builds events
     */
    @GET
    @Path("/catalogue")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void catalogue(@Context SseEventSink sink, @Context Sse sse) {
        try (sink) {
            List<Book> books = shelf.all();
            for (Book book : books) {
                sink.send(sse.newEventBuilder().name("book").id(Long.toString(book.id()))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(Book.class, book).build());
            }
            sink.send(sse.newEventBuilder().name("end").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Count.class, new Count(books.size())).build());
        }
    }

    private static ExecutorService executor(ServletContext context) {
        if (context.getAttribute(LibraryApplication.EXECUTOR) instanceof ExecutorService executor) {
            return executor;
        }
        throw new IllegalStateException("the app needs an ExecutorService in the context attribute "
                + LibraryApplication.EXECUTOR + " (the container's managed executor, or Testlet's backgroundExecutor)");
    }
}
