package dev.testlet.examples.jersey;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.media.sse.OutboundEvent;

/**
 * The live feed behind {@code GET /api/feed}: every client connected gets a {@code book-added}
 * event for each new book, and a comment line (a heartbeat) at a fixed interval. Nothing tells a
 * server that an idle SSE client went away; the heartbeat's failing write does, and the client is
 * then dropped, so {@link #subscribers()} counts only clients still there.
 */
public final class Feed implements AutoCloseable {

    private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("library-feed-heartbeat").factory());

    /** A feed with no subscribers whose heartbeat has not started. */
    public Feed() {}

    /**
     * Starts the heartbeat.
     *
     * @param interval how often every subscriber gets a comment line
     */
    public void startHeartbeat(Duration interval) {
        heartbeat.scheduleWithFixedDelay(() -> send(new OutboundEvent.Builder().comment("heartbeat").build()),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a client; it gets every event from now on until it leaves.
     *
     * @param sink the client's stream
     */
    public void subscribe(SseEventSink sink) {
        sinks.add(sink);
    }

    /**
     * Tells every subscriber about a new book.
     *
     * @param book the book
     */
    public void bookAdded(Book book) {
        send(new OutboundEvent.Builder()
                .name("book-added")
                .id(Long.toString(book.id()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(Book.class, book)
                .build());
    }

    /**
     * How many clients are connected, as far as the last write to each showed.
     *
     * @return the count
     */
    public int subscribers() {
        return sinks.size();
    }

    private void send(OutboundSseEvent event) {
        for (SseEventSink sink : sinks) {
            if (sink.isClosed()) {
                sinks.remove(sink);
                continue;
            }
            try {
                sink.send(event).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        drop(sink);
                    }
                });
            } catch (IllegalStateException closedMeanwhile) {
                drop(sink);
            }
        }
    }

    private void drop(SseEventSink sink) {
        sinks.remove(sink);
        sink.close();
    }

    /** Stops the heartbeat and ends every subscriber's stream (the app is shutting down). */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        sinks.forEach(SseEventSink::close);
        sinks.clear();
    }
}
