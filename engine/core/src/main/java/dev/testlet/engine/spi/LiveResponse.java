package dev.testlet.engine.spi;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A response read as it arrives: available once its headers are, its body handed out chunk by chunk
 * as the server flushes it (chunked encoding removed). The request runs off the caller's thread, so
 * a handler that never returns (an endless event stream) cannot block the test. Closing it closes the
 * connection, and the server's next write fails: it sees the disconnect.
 *
 * <pre>{@code
 * try (LiveResponse live = transport.open(plan, layer)) {
 *     live.status();
 *     ByteBuffer chunk = live.next(Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public interface LiveResponse extends AutoCloseable {

    /**
     * The request as sent.
     *
     * <pre>{@code live.request().target()}</pre>
     *
     * @return the plan, with the headers the transport added
     */
    RequestPlan request();

    /**
     * The status code.
     *
     * <pre>{@code live.status()   // 200}</pre>
     *
     * @return the status
     */
    int status();

    /**
     * The reason phrase.
     *
     * <pre>{@code live.reason()   // "OK"}</pre>
     *
     * @return the reason, possibly empty
     */
    String reason();

    /**
     * The response headers.
     *
     * <pre>{@code live.headers().first("Content-Type")}</pre>
     *
     * @return the headers
     */
    Headers headers();

    /**
     * The next body bytes, waiting for them.
     *
     * <pre>{@code ByteBuffer chunk = live.next(Duration.ofSeconds(1));}</pre>
     *
     * @param timeout how long to wait
     * @return the bytes; an empty buffer once the body has ended; null when nothing came in time
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws TransportException when the connection failed while reading (the cause says why)
     */
    @Nullable ByteBuffer next(Duration timeout) throws InterruptedException;

    /**
     * Whether the body has ended (complete, cut short, or closed by the client) and nothing is left.
     *
     * <pre>{@code live.isEnded()}</pre>
     *
     * @return true once nothing more will come
     */
    boolean isEnded();

    /**
     * Why the body ended early ("the server closed the connection before..."), or null.
     *
     * <pre>{@code live.failure()}</pre>
     *
     * @return the reason, or null
     */
    @Nullable String failure();

    /**
     * Whether the server sent the whole body (rather than closing early, or the client closing).
     *
     * <pre>{@code live.isComplete()}</pre>
     *
     * @return true when the response was complete
     */
    boolean isComplete();

    /**
     * Where the thread running the app's handler for this response is now.
     *
     * <pre>{@code live.handlerDump()}</pre>
     *
     * @return its name, state and stack; null when no thread is inside the app's filter chain, or for
     *     a server outside this JVM
     */
    @Nullable String handlerDump();

    /**
     * What escaped the app's filter chain while it handled this request, so far.
     *
     * <pre>{@code live.serverException()}</pre>
     *
     * @return the exception, or null
     */
    @Nullable Throwable serverException();

    /**
     * The exchange so far, for failure messages and the test's record.
     *
     * <pre>{@code live.snapshot(bodyRead)}</pre>
     *
     * @param bodySoFar the body bytes the caller has consumed
     * @return an exchange with the headers and that body
     */
    Exchange snapshot(byte[] bodySoFar);

    /**
     * Waits, after {@link #close()}, until the app's handler for this response has returned and its
     * async context completed: the server has seen the disconnect. A handler learns of a disconnect
     * only at its next write, so one that never writes again is still running at the deadline.
     *
     * <pre>{@code live.close(); live.awaitServerEnd(Duration.ofSeconds(2));}</pre>
     *
     * @param timeout how long to wait
     * @return true when the server side has ended (or cannot be seen: a server outside this JVM)
     */
    boolean awaitServerEnd(Duration timeout);

    /**
     * Whether {@link #close()} has been called.
     *
     * <pre>{@code live.isClosed()}</pre>
     *
     * @return true once closed
     */
    boolean isClosed();

    /**
     * Closes the connection; the server sees a disconnect on its next write. Idempotent, and safe
     * from any thread: a reader waiting in {@link #next(Duration)} wakes up and sees the end.
     */
    @Override
    void close();
}
