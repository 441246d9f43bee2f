package dev.testlet.engine.internal.transport;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.internal.http.ResponseReader;
import dev.testlet.engine.spi.LiveResponse;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.ThreadDump;
import dev.testlet.engine.spi.TransportException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A response read as it arrives ({@link LiveResponse}), over any wire: its body handed out chunk by
 * chunk as the server flushes it (chunked encoding already removed).
 */
final class Stream implements LiveResponse {

    private final Wire wire;
    private final RequestPlan plan;
    private final @Nullable InFlight inFlight;
    private final Runnable onClose;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final ResponseReader reader;
    private final long startNanos;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    private Stream(Wire wire, RequestPlan plan, @Nullable InFlight inFlight, Runnable onClose) {
        this.wire = wire;
        this.plan = plan;
        this.inFlight = inFlight;
        this.onClose = onClose;
        this.reader = new ResponseReader(plan.method().equals("HEAD"), chunk -> {
            ByteBuffer copy = ByteBuffer.allocate(chunk.remaining());
            copy.put(chunk).flip();
            pending.add(copy);
        });
        this.startNanos = System.nanoTime();
    }

    /**
     * Sends the request off the caller's thread and waits for the response headers.
     *
     * @throws RequestTimeoutException when the headers do not arrive within the plan's timeout
     * @throws TransportException when the connection ends before them
     */
    static Stream open(Wire wire, ByteBuffer request, dev.testlet.engine.internal.http.@Nullable Upload upload,
            RequestPlan plan, @Nullable InFlight inFlight, Runnable onClose) {
        Stream stream = new Stream(wire, plan, inFlight, onClose);
        try {
            wire.sendRequest(request, upload, false, null);
        } catch (java.io.UncheckedIOException e) {
            stream.close();
            throw new TransportException(plan, "sending " + plan.method() + " " + plan.target() + " failed: "
                    + e.getMessage(), e.getCause());
        }
        long deadline = System.nanoTime() + plan.timeout().toNanos();
        try {
            while (!stream.reader.isHeaderComplete()) {
                if (!stream.fill(deadline)) {
                    stream.close();
                    throw new RequestTimeoutException(plan, "the response headers of " + plan.method() + " " + plan.target(),
                            Duration.ofNanos(System.nanoTime() - stream.startNanos), stream.reader.receivedPreview(),
                            inFlight == null ? null : handlerDumpOf(inFlight));
                }
                if (stream.reader.failure() != null) {
                    stream.close();
                    throw new TransportException(plan, "the response to " + plan.method() + " " + plan.target()
                            + " failed: " + stream.reader.failure());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.close();
            throw new TransportException(plan, "interrupted while waiting for the response headers", e);
        }
        return stream;
    }

    private static @Nullable String handlerDumpOf(InFlight inFlight) {
        Thread handler = inFlight.handler();
        return handler == null ? null : ThreadDump.of(handler);
    }

    /** The request as sent. */
    @Override
    public RequestPlan request() {
        return plan;
    }

    /** The status code. */
    @Override
    public int status() {
        return reader.status();
    }

    /** The reason phrase. */
    @Override
    public String reason() {
        return reader.reason();
    }

    /** The response headers. */
    @Override
    public Headers headers() {
        return reader.headers();
    }

    /**
     * The next body bytes, waiting for them.
     *
     * @param timeout how long to wait
     * @return the bytes; an empty buffer once the body has ended; null when nothing came in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    @Override
    public synchronized @Nullable ByteBuffer next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.isEmpty()) {
            if (isEndedInternal()) {
                return ByteBuffer.allocate(0);
            }
            if (!fill(deadline)) {
                return null;
            }
        }
        return pending.poll();
    }

    /** Whether the body has ended (complete, cut short, or closed by the client). */
    @Override
    public synchronized boolean isEnded() {
        return pending.isEmpty() && isEndedInternal();
    }

    private boolean isEndedInternal() {
        return closed || reader.isComplete() || reader.failure() != null;
    }

    /** Why the body ended early ("the server closed the connection before..."), or null. */
    @Override
    public synchronized @Nullable String failure() {
        return reader.failure();
    }

    /** Whether the server sent the whole body (as opposed to closing early, or the client closing). */
    @Override
    public synchronized boolean isComplete() {
        return reader.isComplete();
    }

    /**
     * Where the thread running the app's handler for this stream is now: its name, state and stack.
     *
     * @return the dump, or null when no thread is inside the app's filter chain (an async handler
     *     between writes from other threads), or for a remote server
     */
    @Override
    public @Nullable String handlerDump() {
        return inFlight == null ? null : handlerDumpOf(inFlight);
    }

    /** What escaped the app's filter chain while it handled this request, so far. */
    @Override
    public @Nullable Throwable serverException() {
        return inFlight == null ? null : inFlight.serverException();
    }

    /**
     * The exchange so far, for failure messages.
     *
     * @param bodySoFar the body bytes the caller has consumed
     * @return an exchange with the headers and that body
     */
    @Override
    public Exchange snapshot(byte[] bodySoFar) {
        return new Exchange(plan, status(), reason(), headers(), bodySoFar, Duration.ofNanos(System.nanoTime() - startNanos),
                serverException(), inFlight == null ? List.of() : inFlight.log());
    }

    /** Reads once from the wire into the parser; false when the deadline passed. */
    private boolean fill(long deadline) throws InterruptedException {
        ByteBuffer chunk;
        try {
            chunk = wire.read(deadline);
        } catch (java.io.UncheckedIOException e) {
            reader.eof();
            throw new TransportException(plan, "reading the response to " + plan.method() + " " + plan.target()
                    + " failed: " + e.getMessage(), e.getCause());
        }
        if (chunk == null) {
            return false;
        }
        if (!chunk.hasRemaining()) {
            reader.eof();
        } else {
            reader.feed(chunk);
        }
        return true;
    }

    /** Whether {@link #close()} has been called. */
    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the connection; the server sees a disconnect on its next write. Idempotent, and safe
     * from any thread: a reader waiting in {@link #next(Duration)} wakes up and sees the end.
     */
    @Override
    public boolean awaitServerEnd(Duration timeout) {
        return inFlight == null || inFlight.awaitServerIdle(System.nanoTime() + timeout.toNanos());
    }

    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            closed = true;
            wire.close();
            onClose.run();
        }
    }
}
