package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.CapturedLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A handler that ignores interrupts, running inline on the test's thread. Nothing can stop a thread
 * from outside; what Testlet does: it drops the connection (so a handler that goes on writing ends at
 * its next write), warns while the test is stuck, says in the failure how long the handler ran on, and
 * recommends {@code @Timeout(threadMode = SEPARATE_THREAD)}, with which JUnit fails the test on time.
 */
class StuckHandlerTest {

    /** Spins for ?ms=, clearing every interrupt, then answers. */
    public static class Spins extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(req.getParameter("ms")));
            while (System.nanoTime() < end) {
                Thread.interrupted();
                Thread.onSpinWait();
            }
            resp.getWriter().write("done spinning");
        }
    }

    /** Writes a byte every 10 ms forever, ignoring interrupts; only a failed write ends it. */
    public static class Drips extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            for (long i = 0; i < 6_000; i++) {   // a minute at most, should the test's expectation be wrong
                resp.getOutputStream().write('.');
                resp.flushBuffer();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ignored) {
                    // ignored, on purpose
                }
            }
        }
    }

    static ServletApp app() {
        return ServletApp.builder().servlet("/spin", Spins.class).servlet("/drip", Drips.class).build();
    }

    @Test
    void a_handler_that_ignores_the_interrupt_is_warned_about_while_the_test_is_stuck_and_the_failure_says_so() {
        try (TestClient client = Testlet.start(app()); CapturedLog log = CapturedLog.of("dev.testlet")) {
            client.given().queryParam("ms", 0).get("/spin").expectStatus(200);   // warm: the first request loads classes
            long start = System.nanoTime();

            java.time.Instant[] stuckUntil = new java.time.Instant[1];
            expectFailure(() -> {
                try {
                    client.withTimeout(Duration.ofMillis(200)).given().queryParam("ms", 1500).get("/spin");
                } finally {
                    stuckUntil[0] = java.time.Instant.now();
                }
            })
                    .hasFact("timed out after", "200ms")
                    .hasFactContaining("handler thread", "StuckHandlerTest$Spins.doGet")
                    .hasFactContaining("handler thread", "(it was interrupted, ignored it and returned ")
                    .hasFactContaining("handler thread", "see @Timeout(threadMode = SEPARATE_THREAD))");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(log.records()).anySatisfy(r -> {
                assertThat(r.getMessage()).startsWith("the handler of GET /spin?ms=1500 ignored the interrupt Testlet"
                        + " sent at its timeout of 200ms: ")
                        .contains(" later it still runs on the test's own thread \"" + Thread.currentThread().getName() + "\"")
                        .contains("@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)")
                        .contains("StuckHandlerTest$Spins.doGet");
            });
            assertThat(log.records().stream().filter(r -> r.getMessage().startsWith("the handler of GET /spin")).findFirst()
                    .orElseThrow().getInstant()).as("warned while the test was stuck, before the handler returned")
                    .isBefore(stuckUntil[0]);
        }
    }

    @Test
    void a_handler_that_ignores_the_interrupt_but_writes_ends_at_its_next_write() {
        try (TestClient client = Testlet.start(app())) {
            client.given().queryParam("ms", 0).get("/spin").expectStatus(200);
            long start = System.nanoTime();

            expectFailure(() -> client.withTimeout(Duration.ofMillis(200)).given().get("/drip"))
                    .hasFact("timed out after", "200ms");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void with_timeout_in_a_separate_thread_junit_fails_the_test_on_time_although_the_handler_ignores_interrupts() {
        long start = System.nanoTime();

        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SpinsUnderJUnitTimeout.class))
                .execute().testEvents();

        tests.assertStatistics(s -> s.started(1).failed(1));
        Throwable failure = tests.failed().list().get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("timed out after 500 milliseconds");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> SpinsUnderJUnitTimeout.closed);
    }

    // ---------------------------------------------------------------- sample (run only through the TestKit)

    static class SpinsUnderJUnitTimeout {
        static volatile boolean closed;

        @Test
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void spins() {
            TestClient client = Testlet.start(app());
            try {
                client.given().queryParam("ms", 3000).get("/spin");
            } finally {
                client.close();
                closed = true;
            }
        }
    }
}
