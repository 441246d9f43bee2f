package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
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
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, but was " + timeout
                    + "; use for example Duration.ofSeconds(30)");
        }
        return new TestClient(settings.withTimeout(timeout));
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
     * Stops the app: runs its shutdown listeners and stops Jetty. Idempotent; any client of the app
     * may close it.
     *
     * <pre>{@code try (TestClient client = Testlet.start(app)) { ... }   // closed here}</pre>
     */
    @Override
    public void close() {
        settings.engine().close();
    }

    @Override
    public String toString() {
        return "TestClient of " + settings.engine().describe();
    }
}
