package dev.testlet.examples.items;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The items API, mapped at {@code /items/*}. It uses the {@link ItemRepository} in the context
 * attribute {@code "items"} that {@link AppLifecycle} provides.
 *
 * <pre>
 * GET    /items        200 {"items":[{"id":1,"name":"pen","price":1.50,"createdAt":"2026-06-01T12:00:00Z"}]}
 * GET    /items/1      200 {"id":1,"name":"pen","price":1.50,"createdAt":"..."}   or 404 {"error":"item 1 not found"}
 * POST   /items        201 Location: /items/2, the created item; 422 (400 for malformed JSON) with
 *                      {"errors":[{"field":"name","message":"must not be blank"}]}
 * DELETE /items/1      204, or 404
 * </pre>
 *
 * <p>{@code POST} takes JSON ({@code {"name":"pen","price":1.50}}) or an HTML form
 * ({@code name=pen&price=1.50}).
 */
public final class ItemsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Creates the servlet; it finds its repository in the servlet context. */
    public ItemsServlet() {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (isCollection(request)) {
            AppJson.send(response, HttpServletResponse.SC_OK, new ItemList(repository(request).all()));
            return;
        }
        OptionalLong id = id(request);
        Optional<Item> item = id.isPresent() ? repository(request).find(id.getAsLong()) : Optional.empty();
        if (item.isPresent()) {
            AppJson.send(response, HttpServletResponse.SC_OK, item.get());
        } else {
            notFound(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!isCollection(request)) {
            AppJson.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    new ErrorMessage("POST " + request.getRequestURI() + " is not supported; create items with POST "
                            + collectionPath(request)));
            return;
        }
        switch (ItemInput.read(request)) {
            case ItemInput.Invalid invalid -> AppJson.send(response, invalid.status(), invalid.errors());
            case ItemInput.Valid valid -> {
                Item created = repository(request).add(valid.item());
                response.setHeader("Location", collectionPath(request) + "/" + created.id());
                AppJson.send(response, HttpServletResponse.SC_CREATED, created);
            }
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        OptionalLong id = id(request);
        if (id.isPresent() && repository(request).delete(id.getAsLong())) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            notFound(request, response);
        }
    }

    private static boolean isCollection(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.equals("/");
    }

    /** The id in {@code /items/{id}}, or empty when the rest of the path is not a number. */
    private static OptionalLong id(HttpServletRequest request) {
        try {
            return OptionalLong.of(Long.parseLong(segment(request)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String segment(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path.substring(1);
    }

    private static String collectionPath(HttpServletRequest request) {
        return request.getContextPath() + request.getServletPath();
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AppJson.send(response, HttpServletResponse.SC_NOT_FOUND, new ErrorMessage("item " + segment(request) + " not found"));
    }

    private static ItemRepository repository(HttpServletRequest request) throws ServletException {
        if (request.getServletContext().getAttribute(AppLifecycle.REPOSITORY) instanceof ItemRepository repository) {
            return repository;
        }
        throw new ServletException("no ItemRepository in the context attribute '" + AppLifecycle.REPOSITORY
                + "'; register AppLifecycle as a listener (ItemsApp.app() does)");
    }
}
