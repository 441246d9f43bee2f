package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.testlet.EventStream;
import dev.testlet.StreamingResponse;
import dev.testlet.TestClient;
import dev.testlet.WebSocketSession;
import dev.testlet.fixtures.CapturedLog;
import dev.testlet.fixtures.ScopedApps;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Each test's overrides, streams and sessions belong to the test, even on an app the class shares and
 * while tests run at once; what the app's builder installs holds for the app's whole life.
 */
class TestScopesTest {

    // ---------------------------------------------------------------- (a) builder overrides are the base layer

    static class BuilderOverride {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(
                ScopedApps.builder(new AtomicInteger()).override(ScopedApps.MAILER, "FAKE").build());

        @RepeatedTest(3)
        void sees_the_builders_fake_in_every_test(TestClient client) {
            client.given().get("/value").expectBody("FAKE");
            client.override(ScopedApps.MAILER, "this test's own");
            client.given().get("/value").expectBody("this test's own");
            client.clearOverrides();
            client.given().get("/value").expectBody("FAKE");
        }
    }

    @Test
    void a_per_class_app_keeps_its_builder_override_across_tests() {
        run(BuilderOverride.class).assertStatistics(s -> s.succeeded(3).failed(0));
    }

    // ---------------------------------------------------------------- (b) eight concurrent tests, one app

    static class EightAtOnce {
        static final CountDownLatch ALL_OVERRIDDEN = new CountDownLatch(8);

        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ScopedApps.builder(new AtomicInteger()).build());

        @RepeatedTest(8)
        void sees_only_its_own_override(TestClient client, RepetitionInfo repetition) throws Exception {
            String mine = "test " + repetition.getCurrentRepetition();
            client.override(ScopedApps.MAILER, mine);
            ALL_OVERRIDDEN.countDown();
            assertThat(ALL_OVERRIDDEN.await(30, TimeUnit.SECONDS)).as("all eight tests overrode at once").isTrue();

            for (int i = 0; i < 50; i++) {
                client.given().get("/value").expectBody(mine);
                client.given().get("/async-start").expectBody(mine);
                client.given().get("/dispatch").expectBody(mine);
                client.given().get("/lent").expectBody(mine);
                assertThat(client.async().given().get("/value").join().text()).isEqualTo(mine);
                assertThat(client.async().given().get("/lent").join().text()).isEqualTo(mine);
            }
            assertThat(client.concurrently(20, c -> c.given().get("/value").text())).containsOnly(mine);
            try (StreamingResponse values = client.given().stream("GET", "/values")) {
                values.expectLine(mine).expectLine(mine);
            }
            try (WebSocketSession ws = client.given().websocket("/ws/value")) {
                ws.sendText("?").expectText(mine);
            }
        }
    }

    @Test
    void eight_tests_sharing_an_app_each_see_only_their_own_override_while_they_run_at_once() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                // Eight workers for the tests, plus the ones that wait for their class and template.
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "10")
                .selectors(selectClass(EightAtOnce.class))
                .execute()
                .testEvents();

        events.assertStatistics(s -> s.succeeded(8).failed(0).aborted(0));
    }

    // ---------------------------------------------------------------- (c) a forgotten stream ends with its test

    static final AtomicInteger FORGOTTEN_DISCONNECTS = new AtomicInteger();

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ForgetsAStream {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ScopedApps.builder(FORGOTTEN_DISCONNECTS).build());

        @Test
        @Order(1)
        void opens_a_stream_and_forgets_it(TestClient client) {
            client.given().stream("GET", "/values").expectLine("real");
        }

        @Test
        @Order(2)
        void runs_after_the_server_saw_the_disconnect() {
            assertThat(FORGOTTEN_DISCONNECTS).hasValue(1);
        }
    }

    @Test
    void a_stream_a_test_forgets_is_closed_when_the_test_ends_and_named_in_a_warning() {
        FORGOTTEN_DISCONNECTS.set(0);
        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            run(ForgetsAStream.class).assertStatistics(s -> s.succeeded(2).failed(0));

            assertThat(log.messages()).singleElement().satisfies(w -> assertThat(w)
                    .startsWith("WARNING ForgetsAStream > opens_a_stream_and_forgets_it(TestClient) left 1 thing open;"
                            + " Testlet closed it:\n  - stream GET /values (opened at dev.testlet.junit.TestScopesTest"
                            + "$ForgetsAStream.opens_a_stream_and_forgets_it(TestScopesTest.java:"));
        }
    }

    // ---------------------------------------------------------------- (d) strict mode fails such a test

    static class StrictlyForgets {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ScopedApps.builder(new AtomicInteger()).build()).strict();

        @Test
        void forgets_an_event_stream(TestClient client) {
            EventStream ignored = client.given().sse("/values");
        }

        @Test
        void closes_what_it_opens(TestClient client) {
            try (StreamingResponse values = client.given().stream("GET", "/values")) {
                values.expectLine("real");
            }
        }
    }

    @Test
    void strict_mode_fails_a_test_that_leaves_a_stream_open_naming_it_and_where_it_was_opened() {
        Events events = run(StrictlyForgets.class);

        events.assertStatistics(s -> s.succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test("forgets_an_event_stream"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(m -> m.startsWith("expected : StrictlyForgets > forgets_an_event_stream(TestClient)"
                        + " to close everything it opened\nbut      : it left 1 open, and Testlet closed it after the test:\n"
                        + "           event stream GET /values (opened at dev.testlet.junit.TestScopesTest$StrictlyForgets"
                        + ".forgets_an_event_stream(TestScopesTest.java:")))));
    }

    // ---------------------------------------------------------------- a class's @BeforeAll overrides hold for its tests

    static class ClassLevelOverride {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ScopedApps.builder(new AtomicInteger()).build());

        @BeforeAll
        static void useTheFakeForTheWholeClass(TestClient client) {
            client.override(ScopedApps.MAILER, "class fake");
        }

        @RepeatedTest(2)
        void sees_the_class_override(TestClient client) {
            client.given().get("/value").expectBody("class fake");
            client.override(ScopedApps.MAILER, "test fake");
            client.given().get("/value").expectBody("test fake");
        }
    }

    @Test
    void what_a_before_all_method_overrides_holds_for_every_test_of_the_class() {
        run(ClassLevelOverride.class).assertStatistics(s -> s.succeeded(2).failed(0));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }
}
