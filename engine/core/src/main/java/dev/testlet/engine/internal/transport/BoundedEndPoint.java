package dev.testlet.engine.internal.transport;

import dev.testlet.engine.internal.http.ResponseReader;
import dev.testlet.engine.internal.http.Upload;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.LocalConnector;
import org.jspecify.annotations.Nullable;

/**
 * A local endpoint whose output buffer holds at most a bound, and which streams a request body from
 * a file as the server reads it. Both are what a socket does; the difficulty in-process is that an
 * inline request runs the app's handler on the very thread that must read the response and write the
 * request body, so nobody else can. Two hooks solve it on that thread:
 *
 * <ul>
 *   <li><b>Output.</b> The handler's writes on the thread that sent the request go straight to that
 *       thread's {@link ResponseReader} (which keeps, counts or refuses them), never into the buffer:
 *       that thread is also the response's reader. Jetty sees a write that completed.</li>
 *   <li><b>Input.</b> When the server reads the request body and what was written so far is used up,
 *       the next chunk comes from the {@link Upload} (a file), on whichever thread reads, as if it had
 *       just arrived.</li>
 * </ul>
 *
 * <p>Off the sending thread (an async handler writing from elsewhere, a stream), a full buffer makes
 * the server's write wait until the test reads, as over a network.
 */
final class BoundedEndPoint extends LocalConnector.LocalEndPoint {

    /** The thread that sent the current request inline, and the reader of its response. */
    private record Inline(Thread thread, ResponseReader reader) {}

    private volatile @Nullable Inline inline;
    private volatile @Nullable Upload upload;
    /** How many times the reader took output; see {@link #onIncompleteFlush()}. */
    private volatile long takes;
    /** {@link #takes} when a write last found the buffer full. */
    private volatile long takesWhenFull;
    /** Whether another thread wrote into the output buffer since an inline request's write last looked. */
    private volatile boolean buffered;

    BoundedEndPoint(BoundedConnector connector, int maxOutput) {
        connector.super(maxOutput);
    }

    /**
     * While the calling thread sends a request inline, its handler's output on that thread goes
     * straight to this reader.
     *
     * @param reader the reader, or null once the request is sent
     */
    void drainInlineTo(@Nullable ResponseReader reader) {
        inline = reader == null ? null : new Inline(Thread.currentThread(), reader);
    }

    /**
     * The rest of the current request's body, read by the server as it needs it.
     *
     * @param body the body, or null when the request has none (or is done)
     */
    void upload(@Nullable Upload body) {
        upload = body;
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        Inline in = inline;
        if (in != null && in.thread() == Thread.currentThread()) {
            return flushInline(in.reader(), buffers);
        }
        buffered = true;
        long taken = takes;
        if (super.flush(buffers)) {
            return true;
        }
        takesWhenFull = taken;
        return false;
    }

    /**
     * A write by the handler of the request this thread sends inline: the bytes go straight to the
     * response's reader, which is this very thread, so they never pass through the output buffer (which
     * would cost every response a new buffer of 8 KB, a copy and a lock). Output another thread wrote
     * meanwhile (an async write, Jetty's pool) is taken first, so the reader sees the bytes in the
     * order they were written: Jetty writes one buffer set at a time per connection.
     */
    private boolean flushInline(ResponseReader reader, ByteBuffer[] buffers) throws IOException {
        if (!isOpen()) {
            throw new IOException("CLOSED");
        }
        if (isOutputShutdown()) {
            throw new IOException("OSHUT");
        }
        if (buffered) {
            buffered = false; // no other write runs now: Jetty writes one buffer set at a time per connection
            ByteBuffer earlier = takeOutput();
            if (earlier.hasRemaining()) {
                reader.drainBorrowed(earlier);
            }
        }
        boolean wrote = false;
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                wrote = true;
                reader.drainBorrowed(b);
                b.position(b.limit());
            }
        }
        if (wrote) {
            notIdle();
        }
        if (reader.isOverLimit()) {
            close(); // this write and the app's next ones fail, as when a client hangs up
            throw new IOException("CLOSED");
        }
        return true;
    }

    /**
     * A write found the buffer full and now waits for the reader. Jetty's endpoint lets the reader's
     * take resume the write only once the write is marked pending; a take between the full buffer and
     * that mark resumes nothing, and then the buffer is empty, the writer waits and the reader waits:
     * a stream stalls until the idle timeout (seen with a 256 MB download). So when a take came in
     * between, the write is resumed here.
     */
    @Override
    protected void onIncompleteFlush() {
        if (takes != takesWhenFull) {
            getWriteFlusher().completeWrite();
        }
    }

    @Override
    public ByteBuffer takeOutput() {
        ByteBuffer out = super.takeOutput();
        takeDone();
        return out;
    }

    @Override
    public @Nullable ByteBuffer waitForOutput(long time, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        ByteBuffer out = super.waitForOutput(time, unit);
        if (out != null) {
            takeDone();
        }
        return out;
    }

    /** Counts a take, then resumes a write that became pending since (see {@link #onIncompleteFlush()}). */
    private void takeDone() {
        takes++;
        getWriteFlusher().completeWrite();
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        int filled = super.fill(buffer);
        Upload body = upload;
        if (filled != 0 || body == null) {
            return filled;
        }
        filled = body.fillInto(buffer);
        if (filled > 0) {
            notIdle();
        }
        return filled;
    }

    @Override
    protected void needsFillInterest() throws IOException {
        super.needsFillInterest();
        Upload body = upload;
        if (body != null && body.hasMore()) {
            execute(() -> getFillInterest().fillable());
        }
    }
}
