package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.spi.OverrideLayer;
import dev.testlet.internal.ExchangeLog;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Handles;
import dev.testlet.internal.OpenedAt;
import dev.testlet.internal.SoftFailures;
import dev.testlet.internal.har.HarEntry;
import dev.testlet.internal.har.HarWriter;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What one test creates through Testlet, even on an app it shares with other tests: the overrides it
 * installs, the streams and WebSocket sessions it opens, the exchanges it records. Requests sent with
 * its {@link #client()} (and with clients derived from it) carry the scope, so the app sees this
 * scope's overrides and no other's, even while other tests run at once. Closing the scope restores
 * its overrides and closes what it left open, naming each one and where it was opened.
 *
 * <p>The JUnit extension opens a scope for every test. Without JUnit, open one yourself:
 *
 * <pre>{@code
 * try (TestScope scope = client.openScope("signup sends mail")) {
 *     TestClient c = scope.client();
 *     c.override("mailer", fakeMailer);
 *     c.given().post("/signup").expectStatus(201);
 * }   // the override is gone; anything left open is closed and reported
 * }</pre>
 */
public final class TestScope implements AutoCloseable {

    private final String name;
    private final @Nullable OverrideLayer layer;
    private final ExchangeLog log;
    private final Handles handles = new Handles();
    private final ThreadLocal<@Nullable Exchange> last = new ThreadLocal<>();
    private final ThreadLocal<@Nullable SoftFailures> soft = new ThreadLocal<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private @Nullable TestClient client;
    private volatile Runnable detach = () -> {};
    /** What the app has to report to this scope when it ends: its requests' failed background work. */
    private volatile java.util.function.Supplier<@Nullable AssertionError> appFailures = () -> null;
    private @Nullable AssertionError endFailure;

    TestScope(String name, @Nullable OverrideLayer layer, @Nullable ExchangeLog reportTo) {
        this.name = name;
        this.layer = layer;
        this.log = new ExchangeLog(ExchangeLog.KEPT, reportTo);
    }

    /** What to run when this scope ends, to leave its parent's list of open things. */
    void onEnd(Runnable action) {
        detach = action;
    }

    /** What to ask the app when this scope ends: the failed background work of its own requests. */
    void onEndReport(java.util.function.Supplier<@Nullable AssertionError> failures) {
        appFailures = failures;
    }

    /** Ties the scope to the client that sends with it; called once, right after both exist. */
    TestClient bind(TestClient scopedClient) {
        this.client = scopedClient;
        return scopedClient;
    }

    /**
     * The scope's name: the test's, in JUnit.
     *
     * <pre>{@code scope.name()   // "ItemsTest > lists_items()"}</pre>
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The client whose requests carry this scope, with a cookie jar of its own.
     *
     * <pre>{@code scope.client().given().get("/items").expectStatus(200);}</pre>
     *
     * @return the client
     */
    public TestClient client() {
        TestClient c = client;
        if (c == null) {
            throw new IllegalStateException("scope " + name + " has no client yet");
        }
        return c;
    }

    /**
     * The exchanges this scope recorded, oldest first; at most the latest 50 are kept.
     *
     * <pre>{@code scope.exchanges().size()}</pre>
     *
     * @return a copy of the record
     */
    public List<Exchange> exchanges() {
        return log.exchanges();
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * <pre>{@code scope.isClosed()}</pre>
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Ends the scope: closes the streams, sessions and inner scopes it left open (newest first, each
     * streamed response after its server saw the disconnect), restores its overrides, and logs a
     * warning naming what was left open and where it was opened. Then fails if background work that
     * the scope's requests started failed and nothing reported it yet (a task that threw, a write after
     * the response was complete): the test that caused it hears of it. Idempotent.
     *
     * <pre>{@code scope.close();}</pre>
     *
     * @throws AssertionError naming the failed background work, its exception the cause
     */
    @Override
    public void close() {
        List<String> left = end();
        if (!left.isEmpty()) {
            System.getLogger("dev.testlet").log(System.Logger.Level.WARNING, leftOpenMessage(left));
        }
        throwEndFailure();
    }

    /**
     * Ends the scope like {@link #close()}, but fails if the test left anything open: the strict mode
     * of the JUnit extension.
     *
     * <pre>{@code scope.closeStrictly();   // AssertionError: ... left 1 open: event stream GET /events ...}</pre>
     *
     * @throws AssertionError listing what was left open and where it was opened
     */
    public void closeStrictly() {
        List<String> left = end();
        if (!left.isEmpty()) {
            if (endFailure != null) {
                System.getLogger("dev.testlet").log(System.Logger.Level.WARNING, endFailure.getMessage());
            }
            throw Failures.of(Facts.of("expected", name + " to close everything it opened")
                    .and("but", "it left " + left.size() + " open, and Testlet closed " + (left.size() == 1 ? "it" : "them")
                            + " after the test:\n" + String.join("\n", left))
                    .and("to fix", "close each one in the test: try (var stream = ...) { } in Java,"
                            + " .use { } in Kotlin"), null);
        }
        throwEndFailure();
    }

    /** Fails with the background work of this scope's requests that failed, if any did. */
    private void throwEndFailure() {
        AssertionError failed = endFailure;
        if (failed != null) {
            endFailure = null;
            throw failed;
        }
    }

    private List<String> end() {
        if (!closed.compareAndSet(false, true)) {
            return List.of();
        }
        List<String> left = handles.closeAll();
        endFailure = appFailures.get();
        if (layer != null) {
            layer.clear();
        }
        detach.run();
        return left;
    }

    private String leftOpenMessage(List<String> left) {
        return name + " left " + left.size() + (left.size() == 1 ? " thing" : " things") + " open; Testlet closed "
                + (left.size() == 1 ? "it" : "them") + ":\n  - " + String.join("\n  - ", left)
                + "\nClose each one in the test: try (var stream = ...) { } in Java, .use { } in Kotlin.";
    }

    // ---------------------------------------------------------------- for the DSL

    /** The overrides requests of this scope carry; null for a server outside this JVM. */
    @Nullable OverrideLayer layer() {
        return layer;
    }

    /** Records a finished exchange (also as this thread's last one, for {@code eventually}). */
    void record(Exchange exchange) {
        log.record(exchange);
        last.set(exchange);
    }

    /** Records a live exchange's final state without making it the thread's last exchange. */
    void recordLive(Exchange exchange, HarEntry har) {
        log.record(exchange, har);
    }

    /** Gives a recorded WebSocket handshake its session's HAR entry, once the session is over. */
    void recordSession(Exchange handshake, HarEntry session) {
        log.updateHar(handshake, session);
    }

    /**
     * Writes the exchanges this scope recorded (the latest 50, with streamed bodies as far as they were
     * read and WebSocket sessions with their messages) as a HAR 1.2 file, with secrets masked as in
     * failure reports; browser devtools and most HTTP tools open it. The JUnit extension writes one for
     * every failed test.
     *
     * <pre>{@code scope.writeHar(Path.of("target/checkout.har"));}</pre>
     *
     * @param file where to write it (its folders are created)
     * @return the file
     */
    public Path writeHar(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("writeHar needs a file, such as Path.of(\"target/test.har\")");
        }
        TestClient c = client;
        String origin = c == null ? "http://localhost" : c.origin().toString();
        return new HarWriter(JsonMapper.builder().build(), origin).write(file, log.harEntries());
    }

    /**
     * A failed check that is already an error (a snapshot mismatch): thrown, or collected inside
     * {@code softly}.
     */
    void raise(AssertionError error) {
        SoftFailures collector = soft.get();
        if (collector == null) {
            throw error;
        }
        collector.add(String.valueOf(error.getMessage()));
    }

    ExchangeLog log() {
        return log;
    }

    /**
     * How many older exchanges were dropped to keep the record bounded.
     *
     * <pre>{@code scope.droppedExchanges()   // 0}</pre>
     *
     * @return the count
     */
    public int droppedExchanges() {
        return log.dropped();
    }

    @Nullable Exchange lastExchange() {
        return last.get();
    }

    void forgetLastExchange() {
        last.remove();
    }

    /**
     * Registers something the test opened, to close it when the scope ends.
     *
     * @return the action that forgets it, once its owner closed it
     */
    Runnable track(Handles.Handle handle, String description) {
        if (closed.get()) {
            handle.closeIfOpen();
            throw new IllegalStateException("cannot open " + description + ": " + name + " has ended; open it"
                    + " in a test that is still running, or from a scope of its own");
        }
        return handles.add(handle, description, OpenedAt.here());
    }

    /**
     * A failed expectation: thrown, or collected when the thread runs a {@code softly} block of this
     * scope.
     */
    void raise(Facts facts, @Nullable String context, boolean withValues, @Nullable Object expected,
            @Nullable Object actual) {
        SoftFailures collector = soft.get();
        if (collector != null) {
            collector.add(facts, context);
            return;
        }
        throw withValues ? Failures.of(facts, context, expected, actual) : Failures.of(facts, context);
    }

    /** Runs a block collecting failed expectations, then throws one failure with all of them. */
    void softly(SoftBlock block) {
        if (soft.get() != null) {
            run(block);
            return;
        }
        SoftFailures collector = new SoftFailures();
        soft.set(collector);
        Throwable thrown = null;
        try {
            block.run();
        } catch (Throwable t) {
            thrown = t;
        } finally {
            soft.remove();
        }
        if (!collector.isEmpty()) {
            throw collector.report(thrown);
        }
        if (thrown != null) {
            throw sneaky(thrown);
        }
    }

    private static void run(SoftBlock block) {
        try {
            block.run();
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Override
    public String toString() {
        return "TestScope " + name + (closed.get() ? " (closed)" : "");
    }
}
