package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.Checks;
import dev.testlet.internal.CookieJar;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * A client of one running app: the way a test sends requests to it. Immutable; {@code with...}
 * methods return derived clients that share the app (and, unless they ask otherwise, the cookie jar).
 * Closing any client of an app runs the app's shutdown and stops it.
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
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("withCookie needs a name and a non-null value, but got " + name
                    + " = " + value);
        }
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
        try {
            settings.engine().awaitBackgroundTasks(timeout);
        } catch (dev.testlet.engine.internal.BackgroundWorkException e) {
            AssertionError error = dev.testlet.internal.Failures.of(dev.testlet.internal.Facts.of("expected",
                    "the app's background work to finish within " + dev.testlet.internal.Failures.duration(timeout))
                    .and("but", e.getMessage()), null);
            error.initCause(e.getCause() != null ? e.getCause() : e);
            throw error;
        }
    }

    /**
     * The executor Testlet lends the app for background work; tasks on it are awaited by
     * {@link #awaitBackgroundTasks()}. Hand it to the app with an override if the app was not built
     * with {@code backgroundExecutor(name)}.
     *
     * <pre>{@code client.override("executor", client.backgroundExecutor())}</pre>
     *
     * @return the tracked executor
     */
    public java.util.concurrent.ExecutorService backgroundExecutor() {
        return settings.engine().backgroundExecutor();
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
     * clock, a repository) until the returned handle is closed. The override wins even over the app's
     * own {@code setAttribute} for that name; the app's value is back after. The JUnit extension
     * removes overrides a test left behind.
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
     */
    public AttributeOverride override(String name, Object value) {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("override needs an attribute name and a non-null value, but got "
                    + name + " = " + value);
        }
        if (!settings.engine().knowsAttribute(name)) {
            java.util.Set<String> known = settings.engine().attributeNames();
            throw new IllegalArgumentException("the app has no attribute '" + name + "' and has never asked for one,"
                    + " so overriding it would change nothing; its attributes are " + known
                    + dev.testlet.internal.Names.didYouMean(name, known)
                    + " (to provide one before startup, use ServletApp.builder().override(name, value))");
        }
        return new AttributeOverride(name, settings.engine().override(name, value));
    }

    /**
     * Removes every override made on this app.
     *
     * <pre>{@code client.clearOverrides();}</pre>
     */
    public void clearOverrides() {
        settings.engine().clearOverrides();
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
        return settings.engine().isClosed();
    }

    ClientSettings settings() {
        return settings;
    }

    /**
     * Stops the app: closes the streams a test left open (logging a warning that names them), waits
     * for the app's background work, runs its shutdown listeners and stops Jetty. Idempotent; any
     * client of the app may close it.
     *
     * <pre>{@code try (TestClient client = Testlet.start(app)) { ... }   // closed here}</pre>
     */
    @Override
    public void close() {
        java.util.List<String> leftOpen = settings.openHandles().closeAll();
        if (!leftOpen.isEmpty()) {
            System.getLogger("dev.testlet").log(System.Logger.Level.WARNING, "closing the app closed "
                    + leftOpen.size() + (leftOpen.size() == 1 ? " stream" : " streams") + " left open: "
                    + String.join(", ", leftOpen) + "; close each one (try-with-resources, or Kotlin's use { })"
                    + " when the test is done with it");
        }
        settings.engine().close();
    }

    @Override
    public String toString() {
        return "TestClient of " + settings.engine().describe();
    }
}
