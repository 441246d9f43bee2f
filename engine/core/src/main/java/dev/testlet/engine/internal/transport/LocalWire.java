package dev.testlet.engine.internal.transport;

import dev.testlet.engine.internal.http.ResponseReader;
import dev.testlet.engine.internal.http.Upload;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A wire over a Jetty local endpoint ({@link BoundedEndPoint}). Writing into a kept-alive endpoint whose
 * connection has registered its read interest runs the request on the writing thread, so a wire is
 * written to only once it is ready (see {@link #awaitReady(long)}).
 */
public final class LocalWire implements Wire {

    private static final long READY_LIMIT_NANOS = 10_000_000_000L;

    private final BoundedEndPoint endPoint;
    private volatile @Nullable InFlight current;
    private @Nullable InFlight last;

    LocalWire(BoundedEndPoint endPoint) {
        this.endPoint = endPoint;
    }

    BoundedEndPoint endPoint() {
        return endPoint;
    }

    /**
     * The request this wire carries now, as the app's filter sees it.
     *
     * @return the request, or null between requests
     */
    public @Nullable InFlight current() {
        return current;
    }

    @Override
    public void carry(@Nullable InFlight request) {
        current = request;
        if (request == null) {
            endPoint.upload(null);
        } else {
            last = request;
        }
    }

    /**
     * Waits until the connection is ready to read a request, so that writing runs the handler on the
     * writer's thread rather than on the pool. A fresh endpoint becomes ready when the acceptor has
     * opened its connection; a used one, as soon as its last response completed.
     *
     * @return true when ready; false if the endpoint closed or the deadline passed
     */
    boolean awaitReady(long deadlineNanos) {
        int round = 0;
        while (!endPoint.isFillInterested()) {
            if (!endPoint.isOpen() || System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            round++;
            if (round < 64) {
                Thread.onSpinWait();
            } else if (round < 256) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(20_000);
            }
        }
        return endPoint.isOpen();
    }

    @Override
    public void send(ByteBuffer bytes, boolean inline) {
        if (inline) {
            endPoint.addInput(bytes);
        } else {
            Thread.ofVirtual().name("testlet-request").start(() -> {
                // Once the connection reads, the handler runs on this virtual thread rather than on
                // Jetty's pool, so a stream that never ends is not counted as the app's background work.
                awaitReady(System.nanoTime() + READY_LIMIT_NANOS);
                endPoint.addInput(bytes);
            });
        }
    }

    @Override
    public void sendRequest(ByteBuffer head, @Nullable Upload upload, boolean inline, @Nullable ResponseReader reader) {
        if (upload != null) {
            endPoint.upload(upload);
        }
        if (!inline || reader == null) {
            send(head, inline);
            return;
        }
        endPoint.drainInlineTo(reader);
        try {
            endPoint.addInput(head);
        } finally {
            endPoint.drainInlineTo(null);
        }
    }

    @Override
    public @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException {
        while (true) {
            ByteBuffer out = endPoint.takeOutput();
            if (out.hasRemaining()) {
                return out;
            }
            if (!endPoint.isOpen() || endPoint.isOutputShutdown()) {
                out = endPoint.takeOutput();
                return out.hasRemaining() ? out : ByteBuffer.allocate(0);
            }
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0) {
                return null;
            }
            out = endPoint.waitForOutput(wait, TimeUnit.NANOSECONDS);
            if (out != null && out.hasRemaining()) {
                return out;
            }
        }
    }

    /**
     * Only after a request whose response another thread may write to later (it went async, or
     * handed work to other threads) is the endpoint looked at: after any other, nothing can write,
     * and the check would cost every request a lock.
     */
    @Override
    public @Nullable ByteBuffer takeStray() {
        InFlight previous = last;
        if (previous == null || !previous.isMayWriteLater()) {
            return null;
        }
        ByteBuffer out = endPoint.takeOutput();
        return out.hasRemaining() ? out : null;
    }

    @Override
    public @Nullable InFlight lastRequest() {
        return last;
    }

    @Override
    public boolean isOpen() {
        return endPoint.isOpen();
    }

    @Override
    public void close() {
        endPoint.close();
    }
}
