package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.CapturedLog;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing an app is quick and bounded, whatever the app left running; concurrently leaves no thread behind. */
class ClosingTest {

    /** Starts an async context and never completes it (a long poll nobody answers). */
    public static class Never extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.setTimeout(0);
        }
    }

    /** Streams a line every 50 ms until the client goes or its thread is interrupted. */
    public static class Ticker extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            try {
                while (true) {
                    resp.getWriter().write("tick\n");
                    resp.flushBuffer();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static ServletApp app() {
        return ServletApp.builder().servlet("/never", Never.class).servlet("/ticker", Ticker.class).build();
    }

    @Test
    void closing_an_app_whose_async_handler_never_completes_is_quick_and_says_what_it_did_not_wait_for() {
        TestClient client = Testlet.start(app());
        expectFailure(() -> client.withTimeout(Duration.ofMillis(200)).given().get("/never"));

        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            long start = System.nanoTime();
            client.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(1));
            assertThat(log.messages()).anySatisfy(m -> assertThat(m).startsWith("WARNING closed the in-process app at /")
                    .contains(" without waiting for 1 request whose response the app never completed: async context of"
                            + " GET /never (not completed yet) (stopping Jetty ended them, as a real server's stop would)"));
        }
    }

    @Test
    void closing_an_app_with_a_stream_still_open_ends_its_handler_quickly() {
        TestClient client = Testlet.start(app());
        StreamingResponse ticker = client.given().stream("GET", "/ticker");
        ticker.expectLine("tick");

        long start = System.nanoTime();
        client.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(ticker::nextLine).hasMessageContaining("was closed");
    }

    @Test
    void concurrently_interrupted_leaves_no_thread_parked() throws Exception {
        try (TestClient client = Testlet.start(app())) {
            List<Thread> callers = new CopyOnWriteArrayList<>();
            CountDownLatch never = new CountDownLatch(1);
            CountDownLatch allStarted = new CountDownLatch(3);
            Thread test = Thread.ofPlatform().start(() -> {
                try {
                    client.concurrently(3, c -> {
                        callers.add(Thread.currentThread());
                        allStarted.countDown();
                        never.await(1, TimeUnit.MINUTES);
                        return null;
                    });
                } catch (RuntimeException | AssertionError e) {
                    // interrupted, as intended
                }
            });
            assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();

            test.interrupt();

            assertThat(test.join(Duration.ofSeconds(5))).isTrue();
            for (Thread caller : callers) {
                assertThat(caller.join(Duration.ofSeconds(5))).as("%s ended", caller).isTrue();
            }
            never.countDown();
        }
    }

    @Test
    void concurrently_interrupts_the_calls_that_time_out() throws Exception {
        try (TestClient client = Testlet.start(app())) {
            List<Thread> callers = new CopyOnWriteArrayList<>();
            CountDownLatch never = new CountDownLatch(1);

            expectFailure(() -> client.withTimeout(Duration.ofMillis(300)).concurrently(2, c -> {
                callers.add(Thread.currentThread());
                never.await(1, TimeUnit.MINUTES);
                return null;
            })).mentions("#0 still running after 300ms").mentions("#1 still running after 300ms");

            assertThat(callers).hasSize(2);
            for (Thread caller : callers) {
                assertThat(caller.join(Duration.ofSeconds(5))).as("%s ended", caller).isTrue();
            }
            never.countDown();
        }
    }
}
