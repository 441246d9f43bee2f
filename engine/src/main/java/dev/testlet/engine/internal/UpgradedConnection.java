package dev.testlet.engine.internal;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * A connection after {@code 101 Switching Protocols}: raw bytes both ways (WebSocket frames,
 * framed by the caller). Bytes the server sent in the same chunk as the 101 come first.
 */
public final class UpgradedConnection implements AutoCloseable {

    private final Wire wire;
    private final Runnable onClose;
    private @Nullable ByteBuffer leftover;
    private volatile boolean closed;

    UpgradedConnection(Wire wire, ByteBuffer leftover, Runnable onClose) {
        this.wire = wire;
        this.leftover = leftover.hasRemaining() ? copyOf(leftover) : null;
        this.onClose = onClose;
    }

    /**
     * Writes bytes to the server.
     *
     * @param bytes the bytes (one or more whole frames)
     * @param inline in-process: true runs the server's handling on the calling thread; false on a
     *     virtual thread. A socket ignores it.
     */
    public void write(ByteBuffer bytes, boolean inline) {
        wire.send(bytes, inline);
    }

    /**
     * The next bytes from the server.
     *
     * @param deadlineNanos when to give up, in {@link System#nanoTime()} terms
     * @return bytes; an empty buffer when the server closed the connection; null on timeout
     * @throws InterruptedException if interrupted
     */
    public synchronized @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException {
        ByteBuffer first = leftover;
        if (first != null) {
            leftover = null;
            return first;
        }
        ByteBuffer chunk = wire.read(deadlineNanos);
        return chunk == null || !chunk.hasRemaining() ? chunk : copyOf(chunk);
    }

    /** Whether the connection is open. */
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
