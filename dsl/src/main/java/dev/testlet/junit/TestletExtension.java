package dev.testlet.junit;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.internal.Checks;
import dev.testlet.internal.TestBinding;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Runs an app for a test class (or for each test) and hands tests a {@link TestClient}.
 *
 * <pre>{@code
 * class ItemsTest {
 *     @RegisterExtension
 *     static TestletExtension testlet = TestletExtension.forApp(ItemsApp.app());
 *
 *     @Test
 *     void lists_items(TestClient client) {              // injected...
 *         client.given().get("/items").expectStatus(200);
 *     }
 *
 *     @Test
 *     void creates_items() {                             // ...or bound to the test
 *         given().jsonBody(new Item("pen")).post("/items").expectStatus(201);
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>On a {@code static} field the app starts once for the class (its startup listeners run once)
 *       and stops after the last test; {@link #perTest()} starts a fresh app for every test. On an
 *       instance field the app is per test.</li>
 *   <li>Each test gets its own client with an empty cookie jar, so tests, even concurrent ones, do
 *       not see each other's cookies or sessions. Overrides a test made on the app are restored after it.</li>
 *   <li>When a test fails, for any reason (a Testlet expectation, an AssertJ assertion on an extracted
 *       value, an exception), its HTTP exchanges are attached to the failure as a suppressed
 *       {@link RecordedExchanges}. A passing test prints nothing.</li>
 * </ul>
 *
 * <p>The extension itself is immutable; the running app lives in JUnit's extension store, so it is
 * safe with parallel execution.
 */
public final class TestletExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final String CLASS_APP = "class app";
    private static final String TEST_APP = "test app";
    private static final String TEST_CLIENT = "test client";
    private static final String BINDING = "binding";

    private final Supplier<ServletApp> app;
    private final boolean perTest;
    private final UnaryOperator<TestClient> configure;
    private final Duration startupTimeout;

    private TestletExtension(Supplier<ServletApp> app, boolean perTest, UnaryOperator<TestClient> configure,
            Duration startupTimeout) {
        this.app = app;
        this.perTest = perTest;
        this.configure = configure;
        this.startupTimeout = startupTimeout;
    }

    /**
     * An extension for an app.
     *
     * <pre>{@code @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(app);}</pre>
     *
     * @param app the app to start
     * @return the extension
     */
    public static TestletExtension forApp(ServletApp app) {
        if (app == null) {
            throw new IllegalArgumentException("TestletExtension.forApp needs an app; build one with ServletApp.builder()");
        }
        return new TestletExtension(() -> app, false, UnaryOperator.identity(), RequestPlan.DEFAULT_TIMEOUT);
    }

    /**
     * An extension for an app built afresh at each start (for apps whose components keep state).
     *
     * <pre>{@code TestletExtension.forApp(() -> ItemsApp.app(new ItemRepository())).perTest()}</pre>
     *
     * @param app builds the app
     * @return the extension
     */
    public static TestletExtension forApp(Supplier<ServletApp> app) {
        if (app == null) {
            throw new IllegalArgumentException("TestletExtension.forApp needs a supplier of an app");
        }
        return new TestletExtension(app, false, UnaryOperator.identity(), RequestPlan.DEFAULT_TIMEOUT);
    }

    /**
     * An extension that starts a fresh app for every test (its startup and shutdown run each time).
     *
     * <pre>{@code TestletExtension.forApp(app).perTest()}</pre>
     *
     * @return the derived extension
     */
    public TestletExtension perTest() {
        return new TestletExtension(app, true, configure, startupTimeout);
    }

    /**
     * An extension whose clients are adjusted before each test gets them.
     *
     * <pre>{@code TestletExtension.forApp(app).withClient(c -> c.withHeader("Authorization", "Bearer t"))}</pre>
     *
     * @param adjust derives the client tests get
     * @return the derived extension
     */
    public TestletExtension withClient(UnaryOperator<TestClient> adjust) {
        if (adjust == null) {
            throw new IllegalArgumentException("withClient needs a function, such as c -> c.withTimeout(Duration.ofSeconds(30))");
        }
        UnaryOperator<TestClient> previous = configure;
        return new TestletExtension(app, perTest, c -> adjust.apply(previous.apply(c)), startupTimeout);
    }

    /**
     * An extension that allows the app's startup more time than the default 10 seconds, for apps
     * that start slowly (a Spring Boot app's first start in a JVM takes seconds, more on a busy CI
     * machine).
     *
     * <pre>{@code TestletExtension.forApp(bootApp).withStartupTimeout(Duration.ofSeconds(60))}</pre>
     *
     * @param timeout how long each start of the app may take
     * @return the derived extension
     */
    public TestletExtension withStartupTimeout(Duration timeout) {
        return new TestletExtension(app, perTest, configure,
                Checks.positive(timeout, "the startup timeout given to withStartupTimeout", "Duration.ofSeconds(60)"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perTest) {
            return;
        }
        TestClient started = start();
        context.getStore(namespace()).put(CLASS_APP, started);
        TestBinding.bind(new TestBinding(configure.apply(started.withNewCookieJar()), context.getDisplayName()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestBinding.unbind();
        TestClient started = context.getStore(namespace()).remove(CLASS_APP, TestClient.class);
        if (started != null) {
            started.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(namespace());
        TestClient base = perTest ? null : classApp(context);
        if (base == null) {
            base = start();
            store.put(TEST_APP, base);
        }
        TestClient client = configure.apply(base.withNewCookieJar());
        store.put(TEST_CLIENT, client);
        TestBinding binding = new TestBinding(client, context.getDisplayName());
        store.put(BINDING, binding);
        TestBinding.bind(binding);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestBinding.unbind();
        ExtensionContext.Store store = context.getStore(namespace());
        TestBinding binding = store.get(BINDING, TestBinding.class);
        if (binding != null) {
            List<String> left = binding.closeLeftovers();
            if (!left.isEmpty()) {
                System.getLogger(TestletExtension.class.getName()).log(System.Logger.Level.WARNING,
                        context.getDisplayName() + " left " + String.join(", ", left) + " open; Testlet closed "
                                + (left.size() == 1 ? "it" : "them") + " (close code 1000). Close sessions in the"
                                + " test: try (WebSocketSession ws = ...) { } in Java, ws.use { } in Kotlin.");
            }
        }
        TestClient client = store.remove(TEST_CLIENT, TestClient.class);
        if (client != null && !client.isClosed()) {
            client.clearOverrides();
        }
        TestClient started = store.remove(TEST_APP, TestClient.class);
        if (started != null) {
            started.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestClient client = context.getStore(namespace()).get(TEST_CLIENT, TestClient.class);
        if (client != null) {
            return client;
        }
        TestClient classApp = classApp(context);
        if (classApp != null) {
            return configure.apply(classApp);
        }
        throw new ParameterResolutionException("no TestClient to inject into " + parameter.getDeclaringExecutable()
                + ": a @BeforeAll method gets one only when the extension is registered on a static field without"
                + " perTest(); inject it into @BeforeEach or test methods instead");
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withTraffic(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withTraffic(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withTraffic(context, throwable);
    }

    private Throwable withTraffic(ExtensionContext context, Throwable throwable) {
        TestBinding binding = context.getStore(namespace()).get(BINDING, TestBinding.class);
        if (binding == null || binding.exchanges().isEmpty()
                || Arrays.stream(throwable.getSuppressed()).anyMatch(RecordedExchanges.class::isInstance)) {
            return throwable;
        }
        throwable.addSuppressed(new RecordedExchanges(binding.exchanges(), binding.dropped(), throwable.getMessage()));
        return throwable;
    }

    private @Nullable TestClient classApp(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            TestClient found = c.getStore(namespace()).get(CLASS_APP, TestClient.class);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private TestClient start() {
        ServletApp built = app.get();
        if (built == null) {
            throw new IllegalStateException("the app supplier given to TestletExtension.forApp returned null");
        }
        return Testlet.start(built, startupTimeout);
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(TestletExtension.class, this);
    }
}
