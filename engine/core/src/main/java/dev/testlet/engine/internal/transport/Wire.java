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
     * Sends a request: its head (and any body held in memory), then, if it has one, its body from a
     * file, in chunks as the server reads it. In-process and inline, the handler's output beyond the
     * endpoint's buffer goes to the reader as the handler writes it (the sending thread is the
     * handler's, so no one else could read it).
     *
     * @param head the request's bytes
     * @param upload the rest of the body, read from a file; null for none
     * @param inline for a local wire, whether the handler runs on the calling thread (see {@link #send})
     * @param reader the response's reader, for an inline request; null otherwise
     * @throws java.io.UncheckedIOException when a socket cannot be written to, or the file cannot be read
     */
    default void sendRequest(ByteBuffer head, dev.testlet.engine.internal.http.@Nullable Upload upload, boolean inline,
            dev.testlet.engine.internal.http.@Nullable ResponseReader reader) {
        if (upload != null) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot send a body from a file");
        }
        send(head, inline);
    }

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

    /**
     * Bytes the server wrote while this wire carried no request (an app writing after its response was
     * complete), taken so they cannot be read as the start of the next response.
     *
     * @return the bytes, or null when there were none (or they cannot be seen without waiting)
     */
    default @Nullable ByteBuffer takeStray() {
        return null;
    }

    /**
     * The last request this wire carried, for a report of bytes that came after its response.
     *
     * @return the request, or null
     */
    default @Nullable InFlight lastRequest() {
        return null;
    }

    /** Whether the connection is still open. */
    boolean isOpen();

    /** Closes the connection; the server sees a disconnect. */
    @Override
    void close();
}
