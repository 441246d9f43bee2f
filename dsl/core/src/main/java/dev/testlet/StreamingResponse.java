package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.BodyBuffer;
import dev.testlet.internal.Checks;
import dev.testlet.internal.Facts;
import dev.testlet.internal.LimitExceededException;
import dev.testlet.internal.Failures;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A live response whose body is read as the server flushes it: open as soon as the headers arrive,
 * so status and headers can be checked before the body ends (or when it never does). Reads take the
 * next bytes, text or line; every wait is bounded by the request's timeout or a given one, and a
 * timeout fails with what was awaited and what had arrived. Closing it disconnects: the server's next
 * write fails.
 *
 * <pre>{@code
 * try (StreamingResponse log = client.given().stream("GET", "/log")) {
 *     log.expectStatus(200).expectContentType("text/plain");
 *     log.expectLine("starting");
 *     String next = log.nextLine(Duration.ofSeconds(1));
 * }   // disconnects
 * }</pre>
 *
 * <p>Text is decoded with the charset of the {@code Content-Type} (UTF-8 when none is named); a
 * character split between two flushes is decoded whole. Lines end at LF, CRLF or CR, as
 * {@link java.io.BufferedReader} reads them. What one read returns is what arrived together: a
 * server's flush can be split, or several merged, when the test reads more slowly than the server writes.
 *
 * <p>Not thread-safe: read it from one thread (closing from another is fine).
 */
public final class StreamingResponse extends ResponseHead<StreamingResponse> implements AutoCloseable {

    private final LiveExchange live;
    private final BodyBuffer body;
    private boolean ended;

    private StreamingResponse(LiveExchange live) {
        this.live = live;
        this.body = new BodyBuffer(live.charset(), live.settings().limits().maxLineBytes());
    }

    static StreamingResponse open(ClientSettings settings, RequestPlan plan) {
        return new StreamingResponse(LiveExchange.open(settings, plan, "stream"));
    }

    @Override
    Exchange head() {
        return live.head();
    }

    @Override
    void raise(Expectations.Mismatch mismatch) {
        live.raise(mismatch);
    }

    // ---------------------------------------------------------------- reading

    /**
     * The next body bytes: those received and not read yet, or else the next flush, waiting at most
     * the request's timeout.
     *
     * <pre>{@code byte[] chunk = s.nextBytes();}</pre>
     *
     * @return the bytes, never empty
     * @throws AssertionError when nothing comes in time or the body ends
     */
    public byte[] nextBytes() {
        return nextBytes(live.timeout());
    }

    /**
     * The next body bytes, waiting at most {@code timeout}.
     *
     * <pre>{@code s.nextBytes(Duration.ofMillis(200))}</pre>
     *
     * @param timeout how long to wait
     * @return the bytes, never empty
     * @throws AssertionError when nothing comes in time or the body ends
     */
    public byte[] nextBytes(Duration timeout) {
        String awaited = "the next bytes within " + duration(timeout, "nextBytes");
        long deadline = deadline(timeout);
        while (body.isEmpty()) {
            if (!fill(deadline, awaited, "nextBytes")) {
                throw missing(awaited, timeout, "s.nextBytes(Duration)");
            }
        }
        return body.takeBytes();
    }

    /**
     * The next body text: what was received and not read yet, or else the next flush, decoded;
     * waits at most the request's timeout.
     *
     * <pre>{@code String chunk = s.nextChunk();}</pre>
     *
     * @return the text, never empty
     * @throws AssertionError when nothing comes in time or the body ends
     */
    public String nextChunk() {
        return nextChunk(live.timeout());
    }

    /**
     * The next body text, waiting at most {@code timeout}.
     *
     * <pre>{@code s.nextChunk(Duration.ofMillis(200))}</pre>
     *
     * @param timeout how long to wait
     * @return the text, never empty
     * @throws AssertionError when nothing comes in time or the body ends
     */
    public String nextChunk(Duration timeout) {
        String awaited = "the next text within " + duration(timeout, "nextChunk");
        long deadline = deadline(timeout);
        while (true) {
            String text = body.takeText(ended);
            if (!text.isEmpty()) {
                return text;
            }
            if (!fill(deadline, awaited, "nextChunk")) {
                throw missing(awaited, timeout, "s.nextChunk(Duration)");
            }
        }
    }

    /**
     * The next line, without its line end, waiting at most the request's timeout. The last line of a
     * body that does not end with a line end is a line too.
     *
     * <pre>{@code s.nextLine()   // "tick 1"}</pre>
     *
     * @return the line
     * @throws AssertionError when no whole line comes in time or the body ends
     */
    public String nextLine() {
        return nextLine(live.timeout());
    }

    /**
     * The next line, waiting at most {@code timeout}.
     *
     * <pre>{@code s.nextLine(Duration.ofMillis(500))}</pre>
     *
     * @param timeout how long to wait
     * @return the line
     * @throws AssertionError when no whole line comes in time or the body ends
     */
    public String nextLine(Duration timeout) {
        String awaited = "a line within " + duration(timeout, "nextLine");
        String line = pollLine(deadline(timeout), awaited, "nextLine");
        if (line == null) {
            throw missing(awaited, timeout, "s.nextLine(Duration)");
        }
        return line;
    }

    /**
     * The next {@code count} lines, all within the request's timeout.
     *
     * <pre>{@code List<String> first = s.nextLines(3);}</pre>
     *
     * @param count how many, at least 1
     * @return the lines
     * @throws AssertionError when fewer come in time, with those that did
     */
    public List<String> nextLines(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("nextLines needs a count of at least 1, but got " + count);
        }
        long deadline = deadline(live.timeout());
        String awaited = count + " lines within " + Failures.duration(live.timeout());
        List<String> lines = new ArrayList<>(Math.min(count, 1024));
        while (lines.size() < count) {
            String line = pollLine(deadline, awaited, "nextLines");
            if (line == null) {
                throw missing(awaited + " (got " + lines.size() + ")", live.timeout(), "s.nextLine(Duration)");
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Everything until the server ends the body, as text, waiting at most the request's timeout.
     *
     * <pre>{@code String rest = s.remainingText();}</pre>
     *
     * @return the text not read yet
     * @throws AssertionError when the body does not end in time, or is cut short
     */
    public String remainingText() {
        return remainingText(live.timeout());
    }

    /**
     * Everything until the server ends the body, waiting at most {@code within}.
     *
     * <pre>{@code s.remainingText(Duration.ofSeconds(2))}</pre>
     *
     * @param within how long the body may take to end
     * @return the text not read yet
     * @throws AssertionError when the body does not end in time, or is cut short
     */
    public String remainingText(Duration within) {
        String awaited = "the body to end within " + duration(within, "remainingText");
        long deadline = deadline(within);
        while (!ended) {
            if (!fill(deadline, awaited, "remainingText")) {
                throw missing(awaited, within, "s.remainingText(Duration)");
            }
        }
        if (!live.isComplete()) {
            throw missing(awaited, within, "s.remainingText(Duration)");
        }
        return body.takeText(true);
    }

    // ---------------------------------------------------------------- expectations

    /**
     * Expects the next line to be a text.
     *
     * <pre>{@code s.expectLine("tick 0").expectLine("tick 1")}</pre>
     *
     * @param expected the line, without its line end
     * @return this response
     */
    public StreamingResponse expectLine(String expected) {
        String line = nextLine();
        return check(Expectations.text("the next line", expected, line, quote(expected), quote(line)));
    }

    /**
     * Expects the next line to satisfy a predicate, described for the failure message.
     *
     * <pre>{@code s.expectLineMatching("a log line", line -> line.startsWith("INFO "))}</pre>
     *
     * @param description what the predicate checks
     * @param predicate true for an acceptable line
     * @return this response
     */
    public StreamingResponse expectLineMatching(String description, Predicate<String> predicate) {
        String line = nextLine();
        return check(Expectations.matching("the next line", description, predicate, line, quote(line)));
    }

    /**
     * Expects the next line to satisfy a predicate.
     *
     * <pre>{@code s.expectLineMatching(line -> line.startsWith("INFO "))}</pre>
     *
     * @param predicate true for an acceptable line
     * @return this stream
     */
    public StreamingResponse expectLineMatching(Predicate<String> predicate) {
        return expectLineMatching("a line matching the predicate", predicate);
    }

    /**
     * Expects that no body bytes arrive within a time (the body ending is not data).
     *
     * <pre>{@code s.expectNoData(Duration.ofMillis(100))}</pre>
     *
     * @param within how long to watch
     * @return this response
     */
    public StreamingResponse expectNoData(Duration within) {
        String awaited = "no data within " + duration(within, "expectNoData");
        if (body.isEmpty()) {
            fill(deadline(within), awaited, "expectNoData");
        }
        return body.isEmpty() ? this : check(Facts.of("expected", awaited).and("but got", quote(body.peek())));
    }

    /**
     * Expects the server to end the body (complete the response) with no more data, waiting at most
     * the request's timeout.
     *
     * <pre>{@code s.expectLine("done").expectEnd()}</pre>
     *
     * @return this response
     */
    public StreamingResponse expectEnd() {
        return expectEnd(live.timeout());
    }

    /**
     * Expects the server to end the body with no more data within {@code within}.
     *
     * <pre>{@code s.expectEnd(Duration.ofSeconds(1))}</pre>
     *
     * @param within how long the body may take to end
     * @return this response
     */
    public StreamingResponse expectEnd(Duration within) {
        String awaited = "the body to end within " + duration(within, "expectEnd");
        long deadline = deadline(within);
        while (body.isEmpty() && !ended) {
            if (!fill(deadline, awaited, "expectEnd")) {
                break;
            }
        }
        if (!body.isEmpty()) {
            return check(Facts.of("expected", awaited).and("but got", quote(body.peek())));
        }
        if (!ended || !live.isComplete()) {
            throw missing(awaited, within, "s.expectEnd(Duration)");
        }
        return this;
    }

    /**
     * Disconnects: the server's next write fails. Idempotent; leaving a {@code try} block calls it,
     * and so does closing the app for streams left open.
     *
     * <pre>{@code s.close();}</pre>
     */
    @Override
    public void close() {
        live.close();
    }

    /**
     * The exchange so far, as failures print it.
     *
     * @return the request, the response headers and the body read so far
     */
    @Override
    public String toString() {
        return live.context();
    }

    // ---------------------------------------------------------------- internals

    /** Reads once into the buffer; false when the deadline passed or the body had already ended. */
    private boolean fill(long deadline, String awaited, String call) {
        live.checkOpen(call + "()");
        if (ended) {
            return false;
        }
        ByteBuffer chunk = live.read(deadline, awaited);
        if (chunk == null) {
            return false;
        }
        if (!chunk.hasRemaining()) {
            ended = true;
        } else {
            body.append(chunk);
        }
        return true;
    }

    private @Nullable String pollLine(long deadline, String awaited, String call) {
        while (true) {
            String line;
            try {
                line = body.takeLine(ended);
            } catch (LimitExceededException e) {
                throw live.fail(Facts.of("expected", awaited).and("but", e.getMessage()));
            }
            if (line != null || ended) {
                return line;
            }
            if (!fill(deadline, awaited, call)) {
                return null;
            }
        }
    }

    private AssertionError missing(String awaited, Duration waited, String longer) {
        Facts facts = Facts.of("expected", awaited);
        facts.and("but", ended ? live.ending()
                : "nothing more came in " + Failures.duration(waited) + "; the stream is still open");
        facts.and("received so far", live.bytesRead() + " bytes");
        if (!body.isEmpty()) {
            facts.and("not read yet", quote(body.peek()));
        }
        if (!ended) {
            facts.and("handler thread", live.handlerFact());
            facts.and("to wait longer", longer + " or client.withTimeout(Duration)");
        }
        return live.fail(facts);
    }

    private static String duration(@Nullable Duration timeout, String call) {
        return Failures.duration(Checks.positive(timeout, "the duration given to " + call, "Duration.ofSeconds(2)"));
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
