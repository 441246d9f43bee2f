package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.BodyText;
import dev.testlet.engine.spi.LiveResponse;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Transcript;
import dev.testlet.internal.har.HarEntry;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What {@link StreamingResponse} and {@link EventStream} share: opening the request with the client's
 * cookies, reading the body with bounded waits, keeping a transcript of what was read for failure
 * messages, raising failed expectations with that context, and closing (by the test, or by its scope
 * when the test forgot).
 */
final class LiveExchange implements AutoCloseable {

    /** How many of the latest body bytes a failure message shows. */
    private static final int TRANSCRIPT_LIMIT = 16 * 1024;

    /** How long a scope that closes a forgotten stream waits for its server to see the disconnect. */
    private static final Duration SERVER_END_WAIT = Duration.ofSeconds(2);

    private final ClientSettings settings;
    private final RequestPlan plan;
    private final LiveResponse exchange;
    private final Exchange head;
    private final String kind;
    private final Transcript transcript = new Transcript(TRANSCRIPT_LIMIT);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.time.Instant started = java.time.Instant.now();
    private Runnable forget = () -> {};

    private LiveExchange(ClientSettings settings, RequestPlan plan, LiveResponse exchange, String kind) {
        this.settings = settings;
        this.plan = plan;
        this.exchange = exchange;
        this.kind = kind;
        this.head = exchange.snapshot(new byte[0]);
    }

    /**
     * Sends a plan and returns once the response headers are in.
     *
     * @param plan the request as the spec built it (the jar's cookies are added here)
     * @param kind what the caller calls it, for messages: "stream", "event stream"
     */
    static LiveExchange open(ClientSettings settings, RequestPlan plan, String kind) {
        RequestPlan sent = Dispatcher.withCookies(settings, plan);
        LiveResponse exchange;
        try {
            exchange = settings.transport().open(sent, settings.scope().layer());
        } catch (RequestTimeoutException e) {
            throw Failures.timeout(e, settings.formatter());
        } catch (TransportException e) {
            throw Dispatcher.noResponse(settings, sent, e);
        }
        settings.jar().store(settings.host(), plan.path(), exchange.headers().all("Set-Cookie"));
        LiveExchange live = new LiveExchange(settings, plan, exchange, kind);
        // An exception that escaped before the response was committed made it an error response; one
        // that escapes later (after events were flushed) ends the stream early, and reads report it.
        if (exchange.serverException() != null && exchange.status() >= 400 && settings.rethrowServerExceptions()) {
            throw live.serverException();
        }
        live.forget = settings.scope().track(live::closeIfLeftOpen, kind + " " + plan.method() + " " + plan.target());
        return live;
    }

    /** The app threw before the headers: reads the error page, closes, and rethrows it as requests do. */
    private ServerException serverException() {
        long deadline = System.nanoTime() + plan.timeout().toNanos();
        ByteBuffer chunk;
        while ((chunk = read(deadline, "the error response")) != null && chunk.hasRemaining()) {
            // the transcript keeps it
        }
        close();
        return new ServerException(new Response(snapshot(), settings, List.of()));
    }

    RequestPlan plan() {
        return plan;
    }

    ClientSettings settings() {
        return settings;
    }

    int status() {
        return exchange.status();
    }

    Headers headers() {
        return exchange.headers();
    }

    @Nullable String header(String name) {
        return exchange.headers().first(name);
    }

    Charset charset() {
        return BodyText.charset(header("Content-Type"));
    }

    /** How long a read waits unless told: the request's timeout (the client's, or the spec's own). */
    Duration timeout() {
        return plan.timeout();
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Whether the server sent the whole response (rather than closing early, or the test closing). */
    boolean isComplete() {
        return exchange.isComplete() && !closed.get();
    }

    /** Whether the body has ended and the engine holds nothing more (the caller may still hold some). */
    boolean isEnded() {
        return exchange.isEnded();
    }

    /**
     * The next body bytes, as the server flushed them.
     *
     * @param deadlineNanos when to give up, in {@link System#nanoTime()} terms
     * @param awaited what the caller waits for, in case the thread is interrupted
     * @return the bytes; an empty buffer once the body has ended; null when nothing came in time
     */
    @Nullable ByteBuffer read(long deadlineNanos, String awaited) {
        ByteBuffer chunk;
        try {
            chunk = exchange.next(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(Facts.of("expected", awaited).and("but", "the test's thread was interrupted while waiting"));
        }
        if (chunk != null && chunk.hasRemaining()) {
            transcript.append(chunk);
        }
        return chunk;
    }

    /** Refuses to read from a closed stream, naming the call that was made. */
    void checkOpen(String call) {
        if (closed.get()) {
            throw new IllegalStateException(call + " cannot read: this " + kind + " of " + plan.method() + " "
                    + plan.target() + " was closed" + (settings.transport().isClosed() ? " when the app closed" : "")
                    + "; read everything you need before close(), or open it again");
        }
    }

    /** How the body ended, for a failure: "the server completed the response", or why it was cut short. */
    String ending() {
        if (closed.get()) {
            return "the stream was closed";
        }
        if (exchange.isComplete()) {
            return "the stream ended: the server completed the response";
        }
        Throwable thrown = exchange.serverException();
        String failure = exchange.failure();
        return "the stream ended: " + (failure == null ? "the connection closed" : failure)
                + (thrown == null ? "" : "; the app threw " + thrown);
    }

    /** A fact about the thread running the handler, for a timeout. */
    String handlerFact() {
        String dump = exchange.handlerDump();
        return dump == null
                ? "none is inside the app's filter chain (an async handler writes from other threads, if at all)"
                : dump;
    }

    /** How many body bytes have been read. */
    long bytesRead() {
        return transcript.total();
    }

    /** The status line and headers, for the checks of {@link ResponseHead}. */
    Exchange head() {
        return head;
    }

    String statusLine() {
        return head.statusLine();
    }

    // ---------------------------------------------------------------- failures

    /** A failed expectation: thrown, or collected inside {@code softly}. */
    void raise(Expectations.Mismatch mismatch) {
        settings.scope().raise(withRequest(mismatch.facts()), context(), mismatch.withValues(), mismatch.expected(),
                mismatch.actual());
    }

    /** A failure: the facts, the request, then the exchange so far (headers and the body read). */
    AssertionError fail(Facts facts) {
        return Failures.of(withRequest(facts), context());
    }

    AssertionError fail(Facts facts, @Nullable Object expected, @Nullable Object actual) {
        return Failures.of(withRequest(facts), context(), expected, actual);
    }

    private Facts withRequest(Facts facts) {
        return facts.and("request", plan.method() + " " + plan.target());
    }

    /** The exchange so far, as failures print it. */
    String context() {
        return settings.formatter().format(snapshot());
    }

    /** The exchange so far: the response headers and the body bytes read (the latest ones). */
    Exchange snapshot() {
        return exchange.snapshot(transcript.bytes());
    }

    /**
     * Closes the connection (the server's next write fails) and records the exchange so far for the
     * test's failure report. Idempotent, safe from any thread.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            exchange.close();
            forget.run();
            Exchange recorded = snapshot();
            settings.scope().recordLive(recorded, HarEntry.streamed(started, recorded.request(), recorded.status(),
                    recorded.reason(), recorded.headers(), recorded.body(), recorded.elapsed()));
        }
    }

    /** Closes a stream its test forgot, once its server has seen the disconnect (bounded). */
    private @Nullable String closeIfLeftOpen() {
        if (closed.get()) {
            return null;
        }
        close();
        Duration wait = SERVER_END_WAIT.compareTo(timeout()) < 0 ? SERVER_END_WAIT : timeout();
        return exchange.awaitServerEnd(wait) ? ""
                : " (its handler was still running " + Failures.duration(wait) + " after the disconnect)";
    }
}
