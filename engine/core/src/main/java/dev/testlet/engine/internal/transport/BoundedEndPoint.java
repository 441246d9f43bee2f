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
 * request body, so nobody else can. Two hooks solve it on that thread, and cost nothing while a
 * response fits the buffer:
 *
 * <ul>
 *   <li><b>Output.</b> When the handler's write finds the buffer full on the thread that sent the
 *       request, that thread is also the response's reader: it takes what the buffer holds, hands it
 *       to the {@link ResponseReader} (which keeps, counts or refuses it) and writes on. Jetty sees a
 *       write that completed.</li>
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

    BoundedEndPoint(BoundedConnector connector, int maxOutput) {
        connector.super(maxOutput);
    }

    /**
     * While the calling thread sends a request inline, its handler's output beyond the buffer goes
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
        while (true) {
            long taken = takes;
            if (super.flush(buffers)) {
                return true;
            }
            Inline in = inline;
            if (in == null || in.thread() != Thread.currentThread()) {
                takesWhenFull = taken;
                return false;
            }
            ByteBuffer out = takeOutput();
            if (!out.hasRemaining()) {
                return false;
            }
            in.reader().drain(out);
            if (in.reader().isOverLimit()) {
                close(); // the app's next write fails, as when a client hangs up
            }
        }
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
