package dev.testlet.junit;

import dev.testlet.TestClient;
import dev.testlet.TestScope;
import dev.testlet.Testlet;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.internal.Checks;
import dev.testlet.internal.TestBinding;
import dev.testlet.internal.har.HarWriter;
import dev.testlet.internal.snapshot.SnapshotInvocation;
import dev.testlet.internal.snapshot.SnapshotSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
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
 *   <li>Each test runs in a {@link TestScope} of its own, with its own client and cookie jar: the
 *       overrides it installs, the streams and sessions it opens and the exchanges it records belong
 *       to it, even when tests share the app and run at once. When the test ends its overrides are
 *       restored and what it left open is closed, with a warning that names it (or, with
 *       {@link #strict()}, a failure). What a {@code @BeforeAll} method does with its client belongs
 *       to the class and holds for every test; what the app's builder installs holds for the app's life.</li>
 *   <li>When a test fails, for any reason (a Testlet expectation, an AssertJ assertion on an extracted
 *       value, an exception), its HTTP exchanges are attached to the failure as a suppressed
 *       {@link RecordedExchanges}. A passing test prints nothing.</li>
 * </ul>
 *
 * <p>The extension itself is immutable; the running app and the scopes live in JUnit's extension
 * store, so it is safe with parallel execution.
 */
public final class TestletExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler,
        ExecutionCondition {

    private static final String CLASS_APP = "class app";
    private static final String CLASS_SCOPE = "class scope";
    private static final String TEST_APP = "test app";
    private static final String TEST_SCOPE = "test scope";
    private static final String TEST_CLIENT = "test client";
    private static final String TEST_SNAPSHOTS = "test snapshots";
    private static final String TEST_HAR = "test har";

    /** Where the run's and each class's snapshot bookkeeping lives (not per extension instance). */
    private static final ExtensionContext.Namespace SNAPSHOTS =
            ExtensionContext.Namespace.create(TestletExtension.class, "snapshots");

    private final Supplier<ServletApp> app;
    private final boolean perTest;
    private final boolean strict;
    private final UnaryOperator<TestClient> configure;
    private final Duration startupTimeout;

    private TestletExtension(Supplier<ServletApp> app, boolean perTest, boolean strict,
            UnaryOperator<TestClient> configure, Duration startupTimeout) {
        this.app = app;
        this.perTest = perTest;
        this.strict = strict;
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
        return new TestletExtension(() -> app, false, false, UnaryOperator.identity(), RequestPlan.DEFAULT_TIMEOUT);
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
        return new TestletExtension(app, false, false, UnaryOperator.identity(), RequestPlan.DEFAULT_TIMEOUT);
    }

    /**
     * An extension that starts a fresh app for every test (its startup and shutdown run each time).
     *
     * <pre>{@code TestletExtension.forApp(app).perTest()}</pre>
     *
     * @return the derived extension
     */
    public TestletExtension perTest() {
        return new TestletExtension(app, true, strict, configure, startupTimeout);
    }

    /**
     * An extension that fails a test which leaves a stream, a streaming response or a WebSocket session
     * open, listing each one and where it was opened, instead of only warning. (Testlet closes them
     * either way.)
     *
     * <pre>{@code TestletExtension.forApp(app).strict()}</pre>
     *
     * @return the derived extension
     */
    public TestletExtension strict() {
        return new TestletExtension(app, perTest, true, configure, startupTimeout);
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
        return new TestletExtension(app, perTest, strict, c -> adjust.apply(previous.apply(c)), startupTimeout);
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
     * @throws IllegalArgumentException when the timeout is null, zero or negative
     */
    public TestletExtension withStartupTimeout(Duration timeout) {
        return new TestletExtension(app, perTest, strict, configure,
                Checks.positive(timeout, "the startup timeout given to withStartupTimeout", "Duration.ofSeconds(60)"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        JUnitCheck.verify();
        if (perTest || inBothModes(context.getTestClass().orElse(null))) {
            return;   // a class run in both modes starts its app for each run (BothModes calls startRun)
        }
        startClassApp(context);
    }

    /**
     * Starts the class's app for one run of an {@link InBothModes} class. Called by {@link BothModes},
     * so that this class uses no JUnit API newer than 5.8: Spring Boot 3.5 users run JUnit 5.12, which
     * has no class templates.
     */
    void startRun(ExtensionContext context) {
        if (!perTest) {
            startClassApp(context);
        }
    }

    /** Stops what {@link #startRun} started. */
    void stopRun(ExtensionContext context) {
        stopClassApp(context);
    }

    private void startClassApp(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(namespace());
        TestClient started = start(context);
        store.put(CLASS_APP, started);
        TestScope classScope = started.openScope(context.getDisplayName());
        store.put(CLASS_SCOPE, classScope);
        TestBinding.bind(new TestBinding(classScope, configure.apply(classScope.client()), null));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopClassApp(context);
    }

    private void stopClassApp(ExtensionContext context) {
        TestBinding.unbind();
        ExtensionContext.Store store = context.getStore(namespace());
        TestScope classScope = store.remove(CLASS_SCOPE, TestScope.class);
        TestClient started = store.remove(CLASS_APP, TestClient.class);
        try {
            if (classScope != null) {
                end(classScope);
            }
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        JUnitCheck.verify();
        ExtensionContext.Store store = context.getStore(namespace());
        TestScope classScope = perTest ? null : classScope(context);
        TestClient base;
        if (classScope != null) {
            base = classScope.client();
        } else {
            base = start(context);
            store.put(TEST_APP, base);
        }
        TestScope scope = base.openScope(testName(context));
        TestClient client = configure.apply(scope.client());
        store.put(TEST_SCOPE, scope);
        store.put(TEST_CLIENT, client);
        SnapshotSession snapshots = snapshots(context);
        store.put(TEST_SNAPSHOTS, snapshots);
        TestBinding.bind(new TestBinding(scope, client, snapshots));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestBinding.unbind();
        ExtensionContext.Store store = context.getStore(namespace());
        store.remove(TEST_CLIENT, TestClient.class);
        TestScope scope = store.remove(TEST_SCOPE, TestScope.class);
        TestClient started = store.remove(TEST_APP, TestClient.class);
        SnapshotSession snapshots = store.remove(TEST_SNAPSHOTS, SnapshotSession.class);
        Path har = store.remove(TEST_HAR, Path.class);
        try {
            if (scope != null) {
                end(scope);
            }
        } finally {
            try {
                if (scope != null && har != null) {
                    scope.writeHar(har);
                }
            } finally {
                if (snapshots != null) {
                    snapshots.invocation().finished(context.getExecutionException().isEmpty());
                    snapshots.notes().forEach(note -> context.publishReportEntry("testlet.snapshot", note));
                }
                if (started != null) {
                    started.close();
                }
            }
        }
    }

    /** The test's snapshots, named after it, registered with its class for the unused-snapshot report. */
    private static SnapshotSession snapshots(ExtensionContext context) {
        RunSnapshots run = context.getRoot().getStore(SNAPSHOTS).computeIfAbsent(RunSnapshots.class,
                k -> new RunSnapshots(key -> context.getRoot().getConfigurationParameter(key).orElse(null)),
                RunSnapshots.class);
        Class<?> testClass = context.getRequiredTestClass();
        // Both modes of an @InBothModes class take the same snapshots: that is what shows they agree.
        String uniqueId = inBothModes(testClass)
                ? context.getUniqueId().replaceFirst("/\\[class-template-invocation:#\\d+]", "") : context.getUniqueId();
        SnapshotSession session = new SnapshotSession(run,
                new SnapshotInvocation(testClass, context.getRequiredTestMethod().getName(), uniqueId));
        classContext(context).getStore(SNAPSHOTS).computeIfAbsent(ClassSnapshots.class,
                k -> new ClassSnapshots(testClass, run), ClassSnapshots.class).add(session);
        return session;
    }

    /**
     * The context of the class a test belongs to (a nested class's own); for an @InBothModes class the
     * context of both its runs, so its unused snapshots are judged once, after both.
     */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
            ExtensionContext parent = c.getParent().orElse(null);
            if (parent == null) {
                return context;
            }
            c = parent;
        }
        ExtensionContext template = c.getParent().orElse(null);
        return inBothModes(c.getTestClass().orElse(null)) && template != null
                && template.getTestClass().equals(c.getTestClass()) ? template : c;
    }

    /** Whether a class runs once per mode ({@link InBothModes}, on it or a class it is nested in). */
    private static boolean inBothModes(@Nullable Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isAnnotationPresent(InBothModes.class)) {
                return true;
            }
        }
        return false;
    }

    /** Ends a scope: a warning for what it left open, or a failure in strict mode. */
    private void end(TestScope scope) {
        if (strict) {
            scope.closeStrictly();
        } else {
            scope.close();
        }
    }

    private static String testName(ExtensionContext context) {
        String className = context.getTestClass().map(Class::getSimpleName).orElse("");
        return className.isEmpty() ? context.getDisplayName() : className + " > " + context.getDisplayName();
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
        TestScope classScope = classScope(context);
        if (classScope != null) {
            return configure.apply(classScope.client());
        }
        if (inBothModes(context.getTestClass().orElse(null)) && context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("no TestClient to inject into " + parameter.getDeclaringExecutable()
                    + ": in an @InBothModes class JUnit runs @BeforeAll once, before both runs, when neither mode's app"
                    + " has started; do per-mode setup in @BeforeEach, or in a @Nested class, whose @BeforeAll runs"
                    + " once in each mode");
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

    /**
     * Attaches the test's traffic to its failure: the exchanges in the report, and a HAR file (written
     * when the test's scope has ended, so open streams and sessions are in it too) named there.
     */
    private Throwable withTraffic(ExtensionContext context, Throwable throwable) {
        ExtensionContext.Store store = context.getStore(namespace());
        TestScope scope = store.get(TEST_SCOPE, TestScope.class);
        if (scope == null || scope.exchanges().isEmpty()
                || Arrays.stream(throwable.getSuppressed()).anyMatch(RecordedExchanges.class::isInstance)) {
            return throwable;
        }
        SnapshotSession snapshots = store.get(TEST_SNAPSHOTS, SnapshotSession.class);
        Path har = HarWriter.fileFor(HarWriter.defaultDir(), context.getRequiredTestClass(),
                snapshots == null ? context.getDisplayName() : snapshots.invocation().key());
        store.put(TEST_HAR, har);
        throwable.addSuppressed(new RecordedExchanges(scope.exchanges(), scope.droppedExchanges(), throwable.getMessage(),
                har));
        return throwable;
    }

    private @Nullable TestScope classScope(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            TestScope found = c.getStore(namespace()).get(CLASS_SCOPE, TestScope.class);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private TestClient start(ExtensionContext context) {
        ServletApp built = app.get();
        if (built == null) {
            throw new IllegalStateException("the app supplier given to TestletExtension.forApp returned null");
        }
        return mode(context) == Mode.SERVED ? Testlet.serve(built, startupTimeout) : Testlet.start(built, startupTimeout);
    }

    /** The mode of this run: an {@link InBothModes} run's, else {@code testlet.mode}, else in-process. */
    static Mode mode(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Mode run = c.getStore(BothModes.NAMESPACE).get(Mode.class, Mode.class);
            if (run != null) {
                return run;
            }
        }
        Mode chosen = Mode.parse(context.getConfigurationParameter(Mode.PROPERTY).orElse(System.getProperty(Mode.PROPERTY)));
        return chosen == null ? Mode.IN_PROCESS : chosen;
    }

    /** Skips a test marked {@link OnlyInMode} for another mode than this run's. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        JUnitCheck.verify();   // JUnit asks this first; on JUnit 5 the mode lookup below would fail obscurely
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("modes are decided per test");
        }
        OnlyInMode only = context.getTestMethod().map(m -> m.getAnnotation(OnlyInMode.class))
                .or(() -> context.getTestClass().map(c -> c.getAnnotation(OnlyInMode.class))).orElse(null);
        if (only == null) {
            return ConditionEvaluationResult.enabled("runs in every mode");
        }
        Mode mode = mode(context);
        return only.value() == mode ? ConditionEvaluationResult.enabled("runs " + mode.label())
                : ConditionEvaluationResult.disabled("only meant " + only.value().label() + ", and this run is "
                        + mode.label() + (only.because().isEmpty() ? "" : ": " + only.because()));
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(TestletExtension.class, this);
    }
}
