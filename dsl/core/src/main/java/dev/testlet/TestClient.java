package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.BackgroundWorkException;
import dev.testlet.engine.spi.OverrideLayer;
import dev.testlet.internal.Checks;
import dev.testlet.internal.CookieJar;
import dev.testlet.internal.CookieRules;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Names;
import dev.testlet.internal.snapshot.Redactions;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * A client of one running app: the way a test sends requests to it. Immutable; {@code with...}
 * methods return derived clients that share the app, the scope (see {@link TestScope}) and, unless they
 * ask otherwise, the cookie jar. Closing the client {@code Testlet.start} returned (or one derived
 * from it) runs the app's shutdown and stops it; closing a scope's client ends only that scope.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(app)) {
 *     client.given().get("/items").expectStatus(200);
 *
 *     TestClient admin = client.withHeader("Authorization", "Bearer " + adminToken);
 *     admin.given().delete("/items/{id}", 3).expectStatus(204);
 * }
 * }</pre>
 *
 * <p>Defaults: a 10 second timeout per request; cookies kept in a jar and sent back; redirects
 * followed (each hop kept in {@link Response#redirects()}); an exception that escapes the app is
 * rethrown into the test as a {@link ServerException}.
 */
public final class TestClient implements AutoCloseable {

    private final ClientSettings settings;

    TestClient(ClientSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts a request.
     *
     * <pre>{@code client.given().queryParam("q", "pen").get("/items")}</pre>
     *
     * @return an empty request spec bound to this client
     */
    @CheckReturnValue
    public RequestSpec given() {
        return new RequestSpec(settings);
    }

    /**
     * Sends a plan as it is (its target already includes any context path), with this client's
     * cookies, redirects and exception handling.
     *
     * <pre>{@code client.execute(earlier.exchange().request())   // send the same request again}</pre>
     *
     * @param plan the plan
     * @return the response
     */
    public Response execute(RequestPlan plan) {
        if (plan == null) {
            throw new IllegalArgumentException("execute needs a plan, such as client.given().plan(\"GET\", \"/items\")");
        }
        return Dispatcher.send(settings, plan);
    }

    /**
     * A client that adds a header to every request (a request's own header of the same name wins).
     *
     * <pre>{@code TestClient authed = client.withHeader("Authorization", "Bearer " + token);}</pre>
     *
     * @param name the header name
     * @param value the value, sent as {@code String.valueOf(value)}
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withHeader(String name, Object value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("withHeader needs a name and a non-null value, but got " + name
                    + " = " + value);
        }
        Headers headers = settings.defaultHeaders().withOnly(name, String.valueOf(value));
        return new TestClient(settings.withDefaultHeaders(headers));
    }

    /**
     * A client that sends a cookie with every request, besides the jar's.
     *
     * <pre>{@code TestClient dark = client.withCookie("theme", "dark");}</pre>
     *
     * @param name the cookie name
     * @param value the value
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withCookie(String name, String value) {
        CookieRules.check(name, value);
        Map<String, String> cookies = new HashMap<>(settings.defaultCookies());
        cookies.put(name, value);
        return new TestClient(settings.withDefaultCookies(cookies));
    }

    /**
     * A client whose requests, streams and sessions wait at most this long (default 10 seconds).
     *
     * <pre>{@code TestClient patient = client.withTimeout(Duration.ofSeconds(30));}</pre>
     *
     * @param timeout a positive duration
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withTimeout(Duration timeout) {
        return new TestClient(settings.withTimeout(Checks.positive(timeout, "timeout", "Duration.ofSeconds(30)")));
    }

    /**
     * A client that follows redirects (the default) or returns the 3xx response itself.
     *
     * <pre>{@code client.withFollowRedirects(false).given().get("/old").expectStatus(301)}</pre>
     *
     * @param follow whether to follow
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withFollowRedirects(boolean follow) {
        return new TestClient(settings.withFollowRedirects(follow));
    }

    /**
     * A client that returns the real response (usually Jetty's 500 page) when an exception escapes
     * the app, with the exception attached ({@link Response#serverException()}), instead of rethrowing it.
     *
     * <pre>{@code client.withServerExceptionsAsResponses().given().get("/boom").expectStatus(500)}</pre>
     *
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withServerExceptionsAsResponses() {
        return new TestClient(settings.withRethrowServerExceptions(false));
    }

    /**
     * A client that rethrows an exception that escaped the app as a {@link ServerException} (the default).
     *
     * <pre>{@code lenient.withServerExceptionsRethrown()}</pre>
     *
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withServerExceptionsRethrown() {
        return new TestClient(settings.withRethrowServerExceptions(true));
    }

    /**
     * A client whose failure reports also mask the values of these headers and cookies (any case),
     * besides those Testlet masks by itself: {@code Authorization}, and names that contain
     * {@code session}, {@code token}, {@code auth}, {@code secret}, {@code password}, {@code api-key},
     * {@code csrf}... (see the README). Other values are printed as they are, so the curl line replays.
     * On a developer's machine, {@code -Dtestlet.reveal=true} shows every value (not when {@code CI} is set).
     *
     * <pre>{@code client.withMaskedNames("X-Tenant", "device_id")}</pre>
     *
     * @param names header or cookie names whose values are secret
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withMaskedNames(String... names) {
        if (names == null || names.length == 0 || java.util.Arrays.stream(names).anyMatch(n -> n == null || n.isBlank())) {
            throw new IllegalArgumentException("withMaskedNames needs one or more header or cookie names, such as"
                    + " withMaskedNames(\"X-Tenant\"), but got " + java.util.Arrays.toString(names));
        }
        return new TestClient(settings.withSecrets(settings.secrets().withNames(java.util.List.of(names))));
    }

    /**
     * A client that writes and reads JSON with this mapper (for custom modules or naming).
     *
     * <pre>{@code client.withJsonMapper(JsonMapper.builder().propertyNamingStrategy(SNAKE_CASE).build())}</pre>
     *
     * @param mapper the Jackson mapper
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withJsonMapper(ObjectMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("withJsonMapper needs a mapper, but got null");
        }
        return new TestClient(settings.withMapper(mapper));
    }

    /**
     * A client with other limits on what it holds at once: the largest response body read whole, the
     * longest streamed line, the largest event and WebSocket message. Past a limit a read fails with
     * a message naming it, instead of running out of memory.
     *
     * <pre>{@code client.withLimits(client.limits().withMaxBodyBytes(512 * 1024 * 1024))}</pre>
     *
     * @param limits the limits
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withLimits(Limits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("withLimits needs limits, but got null; start from client.limits()"
                    + " or Limits.defaults()");
        }
        return new TestClient(settings.withLimits(limits));
    }

    /**
     * The limits this client reads with.
     *
     * <pre>{@code client.limits().maxBodyBytes()   // 67108864}</pre>
     *
     * @return the limits
     */
    public Limits limits() {
        return settings.limits();
    }

    /**
     * A client whose snapshots replace the JSON values at these places before comparing and writing:
     * generated ids, timestamps. Places are JSON pointers where {@code *} is any one member or element and
     * {@code **} any depth; a replaced value keeps its kind ({@code "[redacted number]"}), so a value that
     * changes kind still fails. Declare them once for a suite with
     * {@code TestletExtension.forApp(app).withClient(c -> c.withRedactedJson(...))}.
     *
     * <pre>{@code client.withRedactedJson("/id", "/items/*&#47;createdAt").given().get("/items").expectSnapshot();}</pre>
     *
     * @param pointerPatterns the places
     * @return the derived client
     * @throws IllegalArgumentException when a place is not a pointer pattern, saying why
     */
    @CheckReturnValue
    public TestClient withRedactedJson(String... pointerPatterns) {
        Redactions r = settings.redactions();
        for (String pattern : requireAll(pointerPatterns, "withRedactedJson", "\"/id\"")) {
            r = r.withJsonPointer(pattern);
        }
        return new TestClient(settings.withRedactions(r));
    }

    /**
     * A client whose snapshots replace the values of these response headers (and of cookies of these
     * names, when the header is {@code Set-Cookie}) before comparing and writing. {@code Date} and the
     * usual session cookies are replaced by default.
     *
     * <pre>{@code client.withRedactedHeaders("X-Request-Id", "ETag")}</pre>
     *
     * @param names the header names, any case
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withRedactedHeaders(String... names) {
        Redactions r = settings.redactions();
        for (String name : requireAll(names, "withRedactedHeaders", "\"X-Request-Id\"")) {
            r = r.withHeader(name);
        }
        return new TestClient(settings.withRedactions(r));
    }

    /**
     * A client whose snapshots replace every match of a regular expression in the rendered text before
     * comparing and writing. With a replacement that contains {@code #}, each distinct match is numbered
     * instead ({@code "[uuid-#]"} becomes {@code [uuid-1]}, {@code [uuid-2]}...), so the same generated
     * value in a body and a {@code Location} header stays recognizably the same.
     *
     * <pre>{@code client.withRedactedText("[0-9a-f]{8}-[0-9a-f-]{27}", "[uuid-#]")}</pre>
     *
     * @param regex a Java regular expression
     * @param replacement what replaces each match ({@code $1} refers to a group)
     * @return the derived client
     * @throws IllegalArgumentException when the expression does not compile, or the replacement names a
     *     group the expression does not have
     */
    @CheckReturnValue
    public TestClient withRedactedText(String regex, String replacement) {
        if (regex == null || replacement == null) {
            throw new IllegalArgumentException("withRedactedText needs a regular expression and its replacement, such"
                    + " as withRedactedText(\"\\\\d{4}-\\\\d{2}-\\\\d{2}\", \"[date]\")");
        }
        int hash = replacement.indexOf('#');
        Redactions r = hash >= 0
                ? settings.redactions().withNumberedPattern(regex, replacement.substring(0, hash).replaceAll("^\\[", "")
                        .replaceAll("-$", ""))
                : settings.redactions().withPattern(regex, replacement);
        return new TestClient(settings.withRedactions(r));
    }

    private static String[] requireAll(String @org.jspecify.annotations.Nullable [] values, String call, String example) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(call + " needs at least one value, such as " + call + "(" + example + ")");
        }
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(call + " was given a null or blank value; pass values such as " + example);
            }
        }
        return values;
    }

    /**
     * A client with a cookie jar of its own, empty: a second user of the same app.
     *
     * <pre>{@code
     * TestClient alice = client.withNewCookieJar();
     * TestClient bob = client.withNewCookieJar();
     * }</pre>
     *
     * @return the derived client
     */
    @CheckReturnValue
    public TestClient withNewCookieJar() {
        return new TestClient(settings.withJar(new CookieJar()));
    }

    /**
     * The same client, sending each request on its own virtual thread: verbs return
     * {@code CompletableFuture<Response>} and the app's handler runs on that virtual thread.
     * Inheritable thread locals of the calling thread are seen there.
     *
     * <pre>{@code
     * CompletableFuture<Response> slow = client.async().given().get("/slow");
     * client.given().get("/fast").expectStatus(200);   // meanwhile
     * slow.join().expectStatus(200);
     * }</pre>
     *
     * @return the async view of this client
     */
    @CheckReturnValue
    public AsyncClient async() {
        return new AsyncClient(this, java.util.List.of());
    }

    /**
     * Runs {@code n} calls at once, each on its own virtual thread, all released together by a
     * barrier so they really reach the app at the same moment (for race conditions). Returns the
     * results in call order; if any call fails, fails with every failure and its index.
     *
     * <pre>{@code
     * List<Response> all = client.concurrently(50, c -> c.given().post("/tickets").expectStatus(201));
     * }</pre>
     *
     * @param n how many calls, at least 1
     * @param call what each call does with the client
     * @param <T> what a call returns
     * @return the results, in call order
     * @throws AssertionError listing the calls that failed, or those still running after the client's timeout
     */
    public <T> java.util.List<T> concurrently(int n, ClientCall<T> call) {
        return Concurrently.run(this, n, call, settings.timeout());
    }

    /**
     * Waits until the app has finished its background work: requests in flight (also async ones),
     * async contexts, server tasks ({@code AsyncContext.start}), and tasks on the executor Testlet
     * lends the app ({@link dev.testlet.engine.ServletApp.Builder#backgroundExecutor(String)}).
     * Waits at most the client's timeout.
     *
     * <pre>{@code
     * client.given().post("/signup").expectStatus(201);
     * client.awaitBackgroundTasks();
     * assertThat(mailer.sent()).hasSize(1);
     * }</pre>
     *
     * @throws AssertionError when a background task threw (it is the cause), or when work was still
     *     running at the timeout (listed, with stacks)
     */
    public void awaitBackgroundTasks() {
        awaitBackgroundTasks(settings.timeout());
    }

    /**
     * Waits until the app has finished its background work, at most {@code timeout}.
     *
     * <pre>{@code client.awaitBackgroundTasks(Duration.ofSeconds(30));}</pre>
     *
     * @param timeout how long to wait
     * @throws AssertionError when a background task threw, or work was still running at the timeout
     */
    public void awaitBackgroundTasks(Duration timeout) {
        Checks.positive(timeout, "timeout", "Duration.ofSeconds(30)");
        App app = settings.requireApp("awaitBackgroundTasks()", "use eventually(...) to wait for an effect you can see over HTTP");
        try {
            app.awaitBackgroundTasks(timeout);
        } catch (BackgroundWorkException e) {
            throw backgroundFailure(e, "the app's background work to finish within " + Failures.duration(timeout),
                    "client.awaitBackgroundTasks(Duration) or client.withTimeout(Duration)");
        }
    }

    /** A background-work failure as tests read it; a timeout (no cause) says how to wait longer. */
    private static AssertionError backgroundFailure(BackgroundWorkException e, String expected, String waitLonger) {
        Facts facts = Facts.of("expected", expected).and("but", e.getMessage());
        if (e.getCause() == null) {
            facts.and("to wait longer", waitLonger);
        }
        AssertionError error = Failures.of(facts, null);
        error.initCause(e.getCause() != null ? e.getCause() : e);
        for (Throwable more : e.getSuppressed()) {
            error.addSuppressed(more);
        }
        return error;
    }

    /**
     * The executor Testlet lends the app for background work; tasks on it are awaited by
     * {@link #awaitBackgroundTasks()}, and see the overrides of the scope whose request submitted them.
     * Hand it to the app with an override if the app was not built with {@code backgroundExecutor(name)}.
     *
     * <pre>{@code client.override("executor", client.backgroundExecutor())}</pre>
     *
     * @return the tracked executor
     * @throws IllegalStateException for a client of a deployed server
     */
    public java.util.concurrent.ExecutorService backgroundExecutor() {
        return settings.requireApp("backgroundExecutor()", "it exists only for apps in this JVM").backgroundExecutor();
    }

    /**
     * Retries an attempt until it succeeds (returns without throwing, and not {@code false}) or the
     * client's timeout passes. Attempts run on the calling thread, so thread locals hold. On timeout,
     * fails with the last attempt's failure (for a Testlet expectation, with its exchange).
     *
     * <pre>{@code
     * client.given().post("/jobs").expectStatus(202);
     * client.eventually(() -> client.given().get("/jobs/1").expectJson("/state", "done"));
     * }</pre>
     *
     * @param attempt one attempt
     * @param <T> what the attempt returns
     * @return what the successful attempt returned
     * @throws AssertionError when no attempt succeeded in time
     */
    public <T> T eventually(Attempt<T> attempt) {
        return Eventually.run(settings, settings.timeout(), attempt);
    }

    /**
     * Retries an attempt until it succeeds or {@code timeout} passes.
     *
     * <pre>{@code client.eventually(Duration.ofSeconds(2), () -> queue.isEmpty())}</pre>
     *
     * @param timeout how long to keep trying
     * @param attempt one attempt
     * @param <T> what the attempt returns
     * @return what the successful attempt returned
     * @throws AssertionError when no attempt succeeded in time
     */
    public <T> T eventually(Duration timeout, Attempt<T> attempt) {
        return Eventually.run(settings, Checks.positive(timeout, "timeout", "Duration.ofSeconds(5)"), attempt);
    }

    /**
     * Replaces a {@code ServletContext} attribute the app reads a collaborator from (a mailer, a
     * clock, a repository), for the requests of this client's scope (the test), until the returned
     * handle is closed or the scope ends. The override wins even over the app's own
     * {@code setAttribute} for that name; other tests sharing the app, even running at the same time,
     * keep seeing theirs. Work the request starts on the app's behalf (tasks on the executor Testlet
     * lends the app, {@code AsyncContext.start}, async dispatches, WebSocket endpoint calls) sees it
     * too; threads the app starts itself, and values it cached at startup, do not.
     *
     * <pre>{@code
     * try (AttributeOverride fake = client.override("clock", Clock.fixed(noon, UTC))) {
     *     client.given().get("/greeting").expectBody("Good afternoon");
     * }
     * }</pre>
     *
     * @param name the attribute name
     * @param value the value the app will read
     * @return a handle that removes the override when closed
     * @throws IllegalArgumentException when the app has no such attribute and has never asked for one
     *     (a typo?), naming the attributes it has
     * @throws IllegalStateException for a client of a deployed server
     */
    public AttributeOverride override(String name, Object value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("override needs an attribute name and a non-null value, but got "
                    + name + " = " + value);
        }
        App app = settings.requireApp("override(\"" + name + "\", ...)", "configure the deployed server instead");
        if (!app.knowsAttribute(name)) {
            java.util.Set<String> known = app.attributeNames();
            throw new IllegalArgumentException("the app has no attribute '" + name + "' and has never asked for one,"
                    + " so overriding it would change nothing; its attributes are " + known
                    + Names.didYouMean(name, known)
                    + " (to provide one before startup, use ServletApp.builder().override(name, value))");
        }
        return new AttributeOverride(name, java.util.Objects.requireNonNull(settings.scope().layer()).put(name, value));
    }

    /**
     * Removes every override this client's scope installed (the builder's, and other tests', stay).
     *
     * <pre>{@code client.clearOverrides();}</pre>
     */
    public void clearOverrides() {
        var layer = settings.scope().layer();
        if (layer != null) {
            layer.clear();
        }
    }

    /**
     * Opens a scope of its own inside this client's: what is done through {@link TestScope#client()}
     * (overrides, streams, sessions, exchanges) belongs to it and ends with it. The JUnit extension opens
     * one per test; open your own outside JUnit, or for a part of a test. The scope's client has an
     * empty cookie jar.
     *
     * <pre>{@code
     * try (TestScope scope = client.openScope("checkout with a fake payment provider")) {
     *     scope.client().override("payments", fakePayments);
     *     scope.client().given().post("/checkout").expectStatus(201);
     * }
     * }</pre>
     *
     * @param name what the scope is, for warnings ("ItemsTest > lists_items()")
     * @return the open scope; close it
     */
    public TestScope openScope(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("openScope needs a name for its warnings, such as the test's name");
        }
        TestScope parent = settings.scope();
        App app = settings.app();
        OverrideLayer layer = app == null ? null : app.newLayer(parent.layer());
        TestScope child = new TestScope(name, layer, null);
        if (app != null && layer != null) {
            child.onEndReport(() -> {
                BackgroundWorkException failed = app.takeFailuresOf(layer);
                return failed == null ? null : backgroundFailure(failed, "the background work started by the requests of "
                        + name + " to succeed", "");
            });
        }
        child.onEnd(parent.track(() -> {
            if (child.isClosed()) {
                return null;
            }
            child.close();
            return "";
        }, "scope " + name));
        child.bind(new TestClient(settings.inScope(child)));
        return child;
    }

    /**
     * Runs several expectations and reports every one that fails, together, instead of stopping at
     * the first: the facts of each failure, then each exchange they are about, printed once. Applies
     * to the expectations ({@code expect...}) of responses, streams and sessions of this client's
     * scope; a failure that stops the block (a timeout, an exception) ends it and is reported last.
     *
     * <pre>{@code
     * Response r = client.given().post("/items");
     * client.softly(() -> {
     *     r.expectStatus(201);
     *     r.expectHeader("Location", "/items/1");
     *     r.expectJson("/name", "pen");
     * });
     * }</pre>
     *
     * <p>Kotlin users: {@code client.softly { r.expectStatus(201); r.expectJson("/name", "pen") }}.
     *
     * @param block the expectations
     * @throws AssertionError listing every expectation that failed
     */
    public void softly(SoftBlock block) {
        if (block == null) {
            throw new IllegalArgumentException("softly needs a block of expectations, such as () -> { r.expectStatus(200); }");
        }
        settings.scope().softly(block);
    }

    /**
     * The scheme, host and port the app sees requests arrive on: {@code http://localhost} in-process,
     * {@code http://127.0.0.1:<port>} for {@link Testlet#serve}, the server's for {@link Testlet#connect}.
     * Use it to expect absolute URLs without hard-coding them.
     *
     * <pre>{@code response.expectHeader("Location", client.origin() + "/items/3");}</pre>
     *
     * @return the origin, without a path
     */
    public URI origin() {
        return settings.transport().origin();
    }

    /**
     * The cookies in this client's jar now, by name.
     *
     * <pre>{@code client.cookies().get("JSESSIONID")}</pre>
     *
     * @return a snapshot of the jar
     */
    public Map<String, String> cookies() {
        return settings.jar().snapshot();
    }

    /**
     * Empties this client's cookie jar (shared with the clients derived from it).
     *
     * <pre>{@code client.clearCookies();}</pre>
     */
    public void clearCookies() {
        settings.jar().clear();
    }

    /**
     * How long requests wait.
     *
     * <pre>{@code client.timeout()   // PT10S}</pre>
     *
     * @return the timeout
     */
    public Duration timeout() {
        return settings.timeout();
    }

    /**
     * Whether the app has been closed.
     *
     * <pre>{@code client.isClosed()}</pre>
     *
     * @return true after {@link #close()}
     */
    public boolean isClosed() {
        return settings.transport().isClosed() || (!settings.ownsApp() && settings.scope().isClosed());
    }

    ClientSettings settings() {
        return settings;
    }

    /**
     * Stops the app: ends this client's scope (closing the streams, sessions and scopes left open,
     * with a warning that names them), waits for the app's background work, runs its shutdown
     * listeners and stops Jetty. Idempotent. On a scope's client (from {@link #openScope} or the JUnit
     * extension) it only ends that scope; the app keeps running.
     *
     * <pre>{@code try (TestClient client = Testlet.start(app)) { ... }   // closed here}</pre>
     */
    @Override
    public void close() {
        if (!settings.ownsApp()) {
            settings.scope().close();
            return;
        }
        try {
            settings.scope().close();
        } finally {
            App app = settings.app();
            if (app != null) {
                try {
                    app.close();
                } catch (BackgroundWorkException e) {
                    // close() waits for background work before the app's shutdown listeners run.
                    throw backgroundFailure(e, "the app's background work to finish before it closed (within "
                            + Failures.duration(RequestPlan.DEFAULT_TIMEOUT) + ")",
                            "client.awaitBackgroundTasks(Duration.ofSeconds(30)) before the client closes");
                }
            } else {
                settings.transport().close();
            }
        }
    }

    @Override
    public String toString() {
        return "TestClient of " + settings.transport().describe();
    }
}
