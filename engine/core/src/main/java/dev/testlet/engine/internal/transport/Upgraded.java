package dev.testlet.engine.internal.transport;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.spi.ThreadDump;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.engine.spi.UpgradedConnection;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A connection after {@code 101 Switching Protocols} ({@link UpgradedConnection}), over any wire. */
final class Upgraded implements UpgradedConnection {

    private final Wire wire;
    private final RequestPlan plan;
    private final @Nullable InFlight session;
    private final Runnable onClose;
    private @Nullable ByteBuffer leftover;
    private volatile boolean closed;

    Upgraded(Wire wire, ByteBuffer leftover, RequestPlan plan, @Nullable InFlight session, Runnable onClose) {
        this.wire = wire;
        this.leftover = leftover.hasRemaining() ? copyOf(leftover) : null;
        this.plan = plan;
        this.session = session;
        this.onClose = onClose;
    }

    /**
     * Writes bytes to the server.
     *
     * @param bytes the bytes (one or more whole frames)
     * @param inline in-process: true runs the server's handling on the calling thread; false on a
     *     virtual thread. A socket ignores it.
     */
    @Override
    public void write(ByteBuffer bytes, boolean inline) {
        if (closed) {
            throw new TransportException(plan, "cannot write to the connection of " + plan.method() + " "
                    + plan.target() + ": it was closed");
        }
        try {
            wire.send(bytes, inline);
        } catch (java.io.UncheckedIOException e) {
            throw new TransportException(plan, "writing to the connection of " + plan.method() + " " + plan.target()
                    + " failed: " + e.getMessage(), e.getCause());
        }
    }

    /**
     * The next bytes from the server.
     *
     * @param deadlineNanos when to give up, in {@link System#nanoTime()} terms
     * @return bytes; an empty buffer when the server closed the connection; null on timeout
     * @throws InterruptedException if interrupted
     */
    @Override
    public synchronized @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException {
        ByteBuffer first = leftover;
        if (first != null) {
            leftover = null;
            return first;
        }
        ByteBuffer chunk = wire.read(deadlineNanos);
        return chunk == null || !chunk.hasRemaining() ? chunk : copyOf(chunk);
    }

    /** The handshake request that opened this connection. */
    @Override
    public RequestPlan request() {
        return plan;
    }

    /**
     * The first exception the app's endpoint threw in this session (in-process only; Jetty itself
     * sends only a close frame for it).
     *
     * @return the exception, or null
     */
    @Override
    public @Nullable Throwable serverException() {
        return session == null ? null : session.serverException();
    }

    /**
     * Waits until the app's side of the session has closed, so that what its endpoint threw while
     * closing has been recorded (Jetty sends the close frame first and reports the error after).
     * Returns at once over a network.
     *
     * @param deadlineNanos when to stop waiting
     * @return true when the app's side is closed (or cannot be seen)
     */
    @Override
    public boolean awaitAppSideClosed(long deadlineNanos) {
        if (session == null) {
            return true;
        }
        // Jetty reports the endpoint closed a few microseconds after its close frame as a rule: look
        // often at first (a 200 µs nap made every session's close wait about that long), then less.
        long nap = 10_000;
        while (!session.isEndpointClosed()) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(nap);
            nap = Math.min(200_000, nap * 2);
        }
        return true;
    }

    /** What the app logged while handling this session (in-process only; at most 500 records). */
    @Override
    public List<ServerLogRecord> serverLog() {
        return session == null ? List.of() : session.log();
    }

    /**
     * Where the thread running the app's endpoint for this session is now, if one is inside it.
     *
     * @return the thread's name, state and stack; null when no thread is running the endpoint
     */
    @Override
    public @Nullable String handlerDump() {
        Thread handler = session == null ? null : session.handler();
        return handler == null ? null : ThreadDump.of(handler);
    }

    /** Whether the connection is open. */
    @Override
    public boolean isOpen() {
        return !closed && wire.isOpen();
    }

    /** Closes the connection abruptly (no close frame; the caller sends one first). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            wire.close();
            onClose.run();
        }
    }

    private static ByteBuffer copyOf(ByteBuffer b) {
        ByteBuffer copy = ByteBuffer.allocate(b.remaining());
        copy.put(b.duplicate()).flip();
        return copy;
    }
}
