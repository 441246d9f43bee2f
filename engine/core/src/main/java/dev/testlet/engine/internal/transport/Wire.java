package dev.testlet.engine.internal.transport;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A byte connection to the app: a kept-alive Jetty {@code LocalEndPoint}, or a socket. Exchanges,
 * streams and WebSocket sessions are all written in terms of it.
 */
public interface Wire extends AutoCloseable {

    /**
     * Writes bytes to the server.
     *
     * @param bytes the whole message
     * @param inline for a local wire, true runs the handler on the calling thread; false runs it on
     *     a new virtual thread (for a handler that may never return). A socket ignores it.
     * @throws java.io.UncheckedIOException when a socket cannot be written to
     */
    void send(ByteBuffer bytes, boolean inline);

    /**
     * Waits for bytes from the server.
     *
     * @param deadlineNanos when to give up, in {@link System#nanoTime()} terms
     * @return the bytes that arrived; an empty buffer when the server closed the connection; null
     *     when the deadline passed first
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws java.io.UncheckedIOException when a socket read fails (a reset, a TLS error)
     */
    @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException;

    /**
     * Ties the request this wire carries now to the connection, so the app's side can find it.
     *
     * @param request the request, or null once it is done
     */
    void carry(@Nullable InFlight request);

    /** Whether the connection is still open. */
    boolean isOpen();

    /** Closes the connection; the server sees a disconnect. */
    @Override
    void close();
}
