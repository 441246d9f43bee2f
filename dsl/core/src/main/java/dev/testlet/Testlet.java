package dev.testlet;

import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.Engines;
import dev.testlet.engine.spi.Secrets;
import dev.testlet.engine.spi.Transport;
import dev.testlet.internal.Checks;
import dev.testlet.internal.CookieJar;
import dev.testlet.internal.DependencyCheck;
import dev.testlet.internal.ExchangeLog;
import dev.testlet.internal.TestBinding;
import dev.testlet.internal.snapshot.Redactions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where tests begin: start an app in-process and get a client for it.
 *
 * <pre>{@code
 * ServletApp app = ServletApp.builder().servlet("/items/*", ItemsServlet.class).build();
 * try (TestClient client = Testlet.start(app)) {
 *     client.given().get("/items").expectStatus(200);
 * }
 * }</pre>
 */
public final class Testlet {

    private Testlet() {}

    /**
     * The JSON mapper of every client that was not given one. A Jackson 3 mapper cannot be changed
     * once built and its caches are thread-safe, so one is shared: building one per client took about
     * a tenth of an app's start and stop, and a share of each idle app's heap. It is built on first use,
     * after {@link DependencyCheck} made sure Jackson 3 can load. It has the Jackson modules found on
     * the class path (Jackson's {@code ServiceLoader} discovery), so Kotlin data classes read without a
     * mapper of one's own when {@code jackson-module-kotlin} is there; the lookup runs once per JVM.
     */
    private static final class DefaultMapper {
        static final JsonMapper INSTANCE = JsonMapper.builder().findAndAddModules().build();
    }

    /**
     * Builds the default mapper (and readies it to read a tree, as {@code expectJson} does) on a virtual
     * thread while this thread starts the app: in a fresh JVM, loading Jackson takes a few hundred
     * milliseconds, about as long as Jetty's start, and a suite's first request needs both. On later
     * starts the mapper is there and the thread ends at once. A failure here is not lost: the first
     * use of the mapper on the test's thread fails with it as the cause.
     */
    private static void prepareMapperMeanwhile() {
        Thread.ofVirtual().name("testlet-json-warm-up").start(() -> {
            try {
                DefaultMapper.INSTANCE.readTree("{}");
            } catch (Throwable e) {
                // reported by the first use on the test's thread (NoClassDefFoundError, with this as its cause)
            }
        });
    }

    /**
     * Starts an app on its own in-process Jetty and returns once its listeners'
     * {@code contextInitialized} have run. Startup may take at most 10 seconds.
     *
     * <pre>{@code TestClient client = Testlet.start(app);}</pre>
     *
     * @param app the app
     * @return a client of the running app; close it to stop the app
     * @throws AppStartupException naming what failed (a listener, a servlet's init...); nothing is left running
     */
    public static TestClient start(ServletApp app) {
        return start(app, RequestPlan.DEFAULT_TIMEOUT);
    }

    /**
     * Starts an app, allowing its startup a given time.
     *
     * <pre>{@code TestClient client = Testlet.start(app, Duration.ofSeconds(30));}</pre>
     *
     * @param app the app
     * @param startupTimeout how long startup may take
     * @return a client of the running app
     * @throws AppStartupException naming what failed, or saying where startup was stuck
     */
    public static TestClient start(ServletApp app, Duration startupTimeout) {
        requireApp(app, "Testlet.start");
        Checks.positive(startupTimeout, "startup timeout", "Duration.ofSeconds(30)");
        DependencyCheck.verify();
        prepareMapperMeanwhile();
        App started = Engines.start(app, startupTimeout);
        return client(started.transport(), started, "Testlet.start(app)");
    }

    /**
     * Starts an app on its own Jetty listening on a real port at 127.0.0.1 (a free one), and returns a
     * client that talks to it over that socket: the same test, over the network. What needs the app
     * in this JVM keeps working (server exceptions, the app's log lines, overrides, background work);
     * what needs the test's own thread does not (the handler runs on Jetty's threads, so the test's
     * {@code ThreadLocal}s are not the app's). {@link TestClient#origin()} says where it listens.
     *
     * <pre>{@code
     * try (TestClient client = Testlet.serve(app)) {
     *     client.origin();                                   // http://127.0.0.1:53124
     *     client.given().get("/items").expectStatus(200);    // over TCP
     * }
     * }</pre>
     *
     * @param app the app
     * @return a client of the running app; close it to stop the app
     * @throws AppStartupException naming what failed; nothing is left running
     */
    public static TestClient serve(ServletApp app) {
        return serve(app, RequestPlan.DEFAULT_TIMEOUT);
    }

    /**
     * Like {@link #serve(ServletApp)}, allowing its startup a given time.
     *
     * <pre>{@code TestClient client = Testlet.serve(app, Duration.ofSeconds(30));}</pre>
     *
     * @param app the app
     * @param startupTimeout how long startup may take
     * @return a client of the running app
     */
    public static TestClient serve(ServletApp app, Duration startupTimeout) {
        requireApp(app, "Testlet.serve");
        Checks.positive(startupTimeout, "startup timeout", "Duration.ofSeconds(30)");
        DependencyCheck.verify();
        prepareMapperMeanwhile();
        App started = Engines.serve(app, startupTimeout);
        return client(started.transport(), started, "Testlet.serve(app)");
    }

    /**
     * A client of a server that is already running somewhere, speaking the same DSL over real
     * sockets: the same suite can check a deployed build. Paths are relative to the URL's path.
     * In-process-only features (server exceptions, the app's log lines, overrides) are not available.
     *
     * <pre>{@code
     * try (TestClient staging = Testlet.connect(URI.create("https://staging.example.org/api"))) {
     *     staging.given().get("/health").expectStatus(200);
     * }
     * }</pre>
     *
     * @param baseUrl scheme, host, optional port and path prefix
     * @return a client; closing it drops its connections
     * @throws IllegalArgumentException when the URL is not http or https or has no host
     */
    public static TestClient connect(URI baseUrl) {
        return connect(baseUrl, null);
    }

    /**
     * Like {@link #connect(URI)}, trusting the certificates a TLS context trusts (a test CA, a
     * self-signed certificate). The server's host name is verified either way.
     *
     * <pre>{@code Testlet.connect(URI.create("https://localhost:8443"), testCaContext)}</pre>
     *
     * @param baseUrl scheme, host, optional port and path prefix
     * @param tls the TLS context, or null for the JVM's default trust store
     * @return a client
     */
    public static TestClient connect(URI baseUrl, @Nullable SSLContext tls) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("Testlet.connect needs a base URL such as http://localhost:8080");
        }
        DependencyCheck.verify();
        Transport transport = Engines.connect(baseUrl, tls);
        return client(transport, null, "Testlet.connect(" + baseUrl + ")");
    }

    /**
     * Like {@link #connect(URI)}, from a string.
     *
     * <pre>{@code Testlet.connect("http://localhost:8080")}</pre>
     *
     * @param baseUrl the base URL
     * @return a client
     */
    public static TestClient connect(String baseUrl) {
        if (baseUrl == null) {
            throw new IllegalArgumentException("Testlet.connect needs a base URL such as http://localhost:8080");
        }
        return connect(URI.create(baseUrl));
    }

    /**
     * Starts a request with the client of the test running on this thread, so a test can read as
     * {@code given().get("/items").expectStatus(200)} (with {@code import static dev.testlet.Testlet.given}).
     * The client is the one {@code TestletExtension} made for the test.
     *
     * <pre>{@code
     * @RegisterExtension
     * static TestletExtension testlet = TestletExtension.forApp(ItemsApp.app());
     *
     * @Test
     * void lists_items() {
     *     given().get("/items").expectStatus(200);
     * }
     * }</pre>
     *
     * @return a request spec of the current test's client
     * @throws IllegalStateException outside a test run with {@code TestletExtension}, saying how to bind a client
     */
    public static RequestSpec given() {
        TestBinding binding = TestBinding.current();
        if (binding == null) {
            throw new IllegalStateException("Testlet.given() found no client for this thread: it works inside a test"
                    + " that registers the JUnit extension, e.g. @RegisterExtension static TestletExtension testlet ="
                    + " TestletExtension.forApp(app); elsewhere, call given() on a client from Testlet.start(app)");
        }
        return binding.client().given();
    }

    private static void requireApp(@Nullable ServletApp app, String call) {
        if (app == null) {
            throw new IllegalArgumentException(call + " needs an app; build one with ServletApp.builder()");
        }
    }

    /**
     * A client with a scope of its own, the root of the scopes opened from it. Opened inside a test
     * that runs with the JUnit extension, its exchanges also go to that test's failure report.
     */
    private static TestClient client(Transport transport, @Nullable App app, String scopeName) {
        TestBinding binding = TestBinding.current();
        ExchangeLog reportTo = binding == null ? null : binding.scope().log();
        TestScope scope = new TestScope(scopeName, app == null ? null : app.newLayer(null), reportTo);
        ClientSettings settings = new ClientSettings(transport, app, scope, true, RequestPlan.DEFAULT_TIMEOUT,
                Headers.empty(), Map.of(), new CookieJar(), true, true, DefaultMapper.INSTANCE, Limits.defaults(),
                Redactions.defaults(), Secrets.standard());
        return scope.bind(new TestClient(settings));
    }
}
