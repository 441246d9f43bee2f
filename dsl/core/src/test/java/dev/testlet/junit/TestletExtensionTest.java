package dev.testlet.junit;

import static dev.testlet.Testlet.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.TestApps;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class TestletExtensionTest {

    /** Counts starts and stops of the apps the sample classes use. */
    static final AtomicInteger STARTS = new AtomicInteger();
    static final AtomicInteger STOPS = new AtomicInteger();

    static final class Counting implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent e) {
            STARTS.incrementAndGet();
        }

        @Override
        public void contextDestroyed(ServletContextEvent e) {
            STOPS.incrementAndGet();
        }
    }

    /** Logs through java.util.logging while handling, to show up in the failing test's report. */
    public static class Logging extends HttpServlet {
        private static final Logger LOG = Logger.getLogger("com.example.Orders");

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            LOG.warning("order 7 has no lines");
            resp.setContentType("application/json");
            resp.getWriter().write("{\"lines\":[]}");
        }
    }

    static ServletApp countingApp() {
        return TestApps.builder().listener(new Counting()).servlet("/orders/7", Logging.class).build();
    }

    private static Events run(Class<?> sample) {
        STARTS.set(0);
        STOPS.set(0);
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    // ---------------------------------------------------------------- samples (run only through the TestKit)

    static class PerClass {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(countingApp());

        @Test
        void first(TestClient client) {
            client.given().get("/session").expectJson("/count", 1);
        }

        @Test
        void second(TestClient client) {
            client.given().get("/session").expectJson("/count", 1);
        }

        @Test
        void third() {
            given().get("/session").expectJson("/count", 1);
        }
    }

    static class PerTest {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(TestletExtensionTest::countingApp).perTest();

        @Test
        void first() {
            given().get("/json").expectStatus(200);
        }

        @Test
        void second() {
            given().get("/json").expectStatus(200);
        }
    }

    static class Injection {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(countingApp())
                .withClient(c -> c.withHeader("X-From", "extension"));

        TestClient fromBeforeEach;

        @BeforeEach
        void setUp(TestClient client) {
            fromBeforeEach = client;
        }

        @Test
        void the_same_client_reaches_before_each_and_the_test(TestClient client) {
            assertThat(client).isSameAs(fromBeforeEach);
            client.given().get("/echo").expectJson("/headers/x-from", List.of("extension"));
            given().get("/echo").expectJson("/headers/x-from", List.of("extension"));
        }
    }

    static class Failing {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(countingApp());

        @Test
        void fails_on_an_assertj_check_of_an_extracted_value() {
            given().get("/json").expectStatus(200);
            int lines = given().get("/orders/7").json("/lines").size();
            assertThat(lines).isEqualTo(2);
        }

        @Test
        void fails_on_a_testlet_expectation() {
            given().get("/status/404").expectStatus(200);
        }

        @Test
        void fails_with_an_exception() {
            given().get("/status/503");
            throw new IllegalStateException("the service was down");
        }

        @Test
        void passes() {
            given().get("/json").expectStatus(200);
        }
    }

    static class InstanceField {
        @RegisterExtension
        TestletExtension testlet = TestletExtension.forApp(TestletExtensionTest::countingApp);

        @Test
        void first() {
            given().get("/json").expectStatus(200);
        }

        @Test
        void second() {
            given().get("/json").expectStatus(200);
        }
    }

    /** Runs in declaration order: the first test overrides an attribute, the second must see it restored. */
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class Overrides {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(
                TestApps.builder().servlet("/name", ParallelExecutionTest.Name.class).attribute("name", "real").build());

        @Test
        void a_overrides_and_forgets_to_restore(TestClient client) {
            client.override("name", "fake");
            client.given().get("/name").expectBody("fake");
        }

        @Test
        void b_sees_the_original(TestClient client) {
            client.given().get("/name").expectBody("real");
        }
    }

    /** Startup that takes longer than the class allows it (until Testlet interrupts it, at most 5 s). */
    static final class SlowStart implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent e) {
            try {
                new CountDownLatch(1).await(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static class ShortStartupTimeout {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(TestApps.builder().listener(new SlowStart()).build())
                .withStartupTimeout(Duration.ofMillis(200));

        @Test
        void never_runs(TestClient client) {}
    }

    // ---------------------------------------------------------------- tests

    @Test
    void the_startup_timeout_given_to_the_extension_bounds_each_start() {
        Events all = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ShortStartupTimeout.class)).execute().allEvents();

        Throwable failure = all.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(dev.testlet.engine.AppStartupException.class)
                .hasMessageStartingWith("the app did not start within 200ms; to allow it more, use"
                        + " TestletExtension.forApp(app).withStartupTimeout(Duration.ofSeconds(60))");
    }

    @Test
    void a_startup_timeout_that_is_not_positive_is_refused_with_an_example() {
        TestletExtension extension = TestletExtension.forApp(countingApp());

        assertThatThrownBy(() -> extension.withStartupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the startup timeout given to withStartupTimeout must be positive, but was PT0S;"
                        + " use for example Duration.ofSeconds(60)");
    }

    @Test
    void an_extension_on_an_instance_field_starts_an_app_per_test() {
        Events events = run(InstanceField.class);

        events.assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(STARTS).hasValue(2);
        assertThat(STOPS).hasValue(2);
    }

    @Test
    void overrides_a_test_leaves_behind_are_removed_before_the_next_test() {
        run(Overrides.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void a_static_extension_starts_the_app_once_per_class_and_gives_each_test_an_empty_cookie_jar() {
        Events events = run(PerClass.class);

        events.assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(STARTS).hasValue(1);
        assertThat(STOPS).hasValue(1);
    }

    @Test
    void per_test_starts_a_fresh_app_for_every_test() {
        Events events = run(PerTest.class);

        events.assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(STARTS).hasValue(2);
        assertThat(STOPS).hasValue(2);
    }

    @Test
    void the_client_is_injected_into_lifecycle_methods_and_tests_and_bound_to_given() {
        run(Injection.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void a_failing_test_gets_its_exchanges_with_the_apps_log_lines_and_a_passing_one_nothing() {
        Events events = run(Failing.class);

        events.assertStatistics(s -> s.succeeded(1).failed(3));
        Throwable assertj = failure(events, "fails_on_an_assertj_check_of_an_extracted_value");
        assertThat(assertj).isInstanceOf(AssertionError.class);
        assertThat(assertj.getSuppressed()).hasSize(1);
        assertThat(assertj.getSuppressed()[0]).isInstanceOf(RecordedExchanges.class);
        assertThat(assertj.getSuppressed()[0].getMessage())
                .startsWith("2 HTTP exchanges in this test, most recent last:\n  1. GET /json -> 200 OK (")
                .contains("  2. GET /orders/7 -> 200 OK (")
                .contains("\n  (written as HAR, for browser devtools and HTTP tools, to ")
                .contains("testlet-har/dev.testlet.junit.TestletExtensionTest$Failing/fails_on_an_assertj_check_of_an_extracted_value.har)")
                .contains("--- server log while handling this request ---")
                .contains("WARNING com.example.Orders - order 7 has no lines");
        java.nio.file.Path har = java.nio.file.Path.of("target/testlet-har/dev.testlet.junit.TestletExtensionTest$Failing"
                + "/fails_on_an_assertj_check_of_an_extracted_value.har");
        tools.jackson.databind.JsonNode log = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(har.toFile()).get("log");
        assertThat(log.get("version").asString()).isEqualTo("1.2");
        assertThat(log.get("entries")).hasSize(2);
        assertThat(log.get("entries").get(1).get("request").get("url").asString()).isEqualTo("http://localhost/orders/7");

        Throwable testlet = failure(events, "fails_on_a_testlet_expectation");
        assertThat(testlet.getSuppressed()[0].getMessage())
                .contains("=== 1. GET /status/404 -> 404 Not Found")
                .contains("(shown in full in the failure above)");

        Throwable exception = failure(events, "fails_with_an_exception");
        assertThat(exception).hasMessage("the service was down");
        assertThat(exception.getSuppressed()[0].getMessage()).contains("1. GET /status/503 -> 503 Service Unavailable");
    }

    @Test
    void testlet_given_outside_a_test_of_the_extension_says_how_to_bind_a_client() {
        assertThatThrownBy(Testlet::given)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Testlet.given() found no client for this thread: it works inside a test that registers the"
                        + " JUnit extension, e.g. @RegisterExtension static TestletExtension testlet ="
                        + " TestletExtension.forApp(app); elsewhere, call given() on a client from Testlet.start(app)");
    }

    private static Throwable failure(Events events, String method) {
        Event event = events.failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
                .findFirst().orElseThrow();
        return event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
