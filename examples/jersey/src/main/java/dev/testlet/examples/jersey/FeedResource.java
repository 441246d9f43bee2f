package dev.testlet.examples.jersey;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;

/** {@code /api/feed}: the endless stream of new books, and how many clients are on it. */
@Path("/feed")
public final class FeedResource {

    private final Feed feed;

    /**
     * @param feed the feed
     */
    public FeedResource(Feed feed) {
        this.feed = feed;
    }

    /**
     * {@code GET /api/feed}: a {@code book-added} event for every new book, until the client leaves.
     *
     * @param sink the client's stream, kept open after this method returns
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink) {
        feed.subscribe(sink);
    }

    /**
     * {@code GET /api/feed/subscribers}.
     *
     * @return how many clients the feed is serving
     */
    @GET
    @Path("/subscribers")
    @Produces(MediaType.APPLICATION_JSON)
    public Count subscribers() {
        return new Count(feed.subscribers());
    }
}
