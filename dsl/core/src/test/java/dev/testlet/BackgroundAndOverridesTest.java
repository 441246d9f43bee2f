package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.ServletApp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackgroundAndOverridesTest {

    /** What the app sends mail with; the test replaces it. */
    public interface Mailer {
        void send(String to);
    }

    static final class RealMailer implements Mailer {
        @Override
        public void send(String to) {
            throw new IllegalStateException("the real mailer must not be used in tests");
        }
    }

    static final class FakeMailer implements Mailer {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(String to) {
            sent.add(to);
        }
    }

    /** Puts the real mailer in place at startup, unconditionally. */
    static final class Lifecycle implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent e) {
            e.getServletContext().setAttribute("mailer", new RealMailer());
        }
    }

    /** Responds at once, then mails in the background on the executor the app was given. */
    public static class Signup extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Mailer mailer = (Mailer) getServletContext().getAttribute("mailer");
            ExecutorService queue = (ExecutorService) getServletContext().getAttribute("mailQueue");
            String to = req.getParameter("email");
            long delay = req.getParameter("delay") == null ? 50 : Long.parseLong(req.getParameter("delay"));
            queue.submit(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (to.contains("broken")) {
                    throw new IllegalStateException("cannot mail " + to);
                }
                mailer.send(to);
            });
            resp.setStatus(201);
        }
    }

    /** Answers from an AsyncContext.start task, which then keeps working after the response. */
    public static class Later extends HttpServlet {
        static final AtomicInteger DONE = new AtomicInteger();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    async.getResponse().getWriter().write("accepted");
                    async.complete();
                    Thread.sleep(100);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                DONE.incrementAndGet();
            });
        }
    }

    public static class WhoMails extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(getServletContext().getAttribute("mailer").getClass().getSimpleName());
        }

        @Override
        protected void doPut(HttpServletRequest req, HttpServletResponse resp) {
            getServletContext().setAttribute("mailer", new RealMailer());
            resp.setStatus(204);
        }
    }

    FakeMailer fake;
    TestClient client;

    @BeforeEach
    void start() {
        fake = new FakeMailer();
        ServletApp app = ServletApp.builder()
                .listener(new Lifecycle())
                .backgroundExecutor("mailQueue")
                .servlet("/signup", Signup.class)
                .servlet("/later", Later.class)
                .servlet("/mailer", WhoMails.class)
                .build();
        client = Testlet.start(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void mail_is_not_sent_at_response_time_but_is_after_awaiting_background_tasks() {
        try (AttributeOverride ignored = client.override("mailer", fake)) {
            client.given().formParam("email", "ann@example.org").post("/signup").expectStatus(201);
            assertThat(fake.sent).isEmpty();

            client.awaitBackgroundTasks();

            assertThat(fake.sent).containsExactly("ann@example.org");
        }
    }

    @Test
    void a_background_task_that_throws_fails_the_wait_with_its_exception() {
        client.override("mailer", fake);
        client.given().formParam("email", "broken@example.org").post("/signup").expectStatus(201);

        AssertionError error = expectFailure(() -> client.awaitBackgroundTasks())
                .hasFactContaining("but", "a background task of the app failed: java.lang.IllegalStateException: cannot mail broken@example.org")
                .doesNotMention("to wait longer")
                .error();
        assertThat(error.getCause()).hasMessage("cannot mail broken@example.org");
    }

    @Test
    void a_wait_that_times_out_lists_what_is_still_running_with_stacks() {
        client.override("mailer", fake);
        client.given().formParam("email", "slow@example.org").formParam("delay", 5_000).post("/signup");

        expectFailure(() -> client.awaitBackgroundTasks(Duration.ofMillis(200)))
                .hasFactContaining("but", "1 piece of background work was still running after 200ms:")
                .hasFactContaining("but", "background task")
                .hasFact("to wait longer", "client.awaitBackgroundTasks(Duration) or client.withTimeout(Duration)")
                .mentions("at java.base/java.lang.Thread.sleep");
        // The same work, waited for again (as close() does), is listed without its stacks.
        expectFailure(() -> client.awaitBackgroundTasks(Duration.ofMillis(100)))
                .hasFactContaining("but", "1 piece of background work was still running after 100ms, the same as at the last"
                        + " wait (its stacks were shown then):")
                .doesNotMention("at java.base/java.lang.Thread.sleep");

        client.backgroundExecutor().shutdownNow();
        client.awaitBackgroundTasks();
    }

    @Test
    void an_async_context_start_task_that_outlives_the_response_is_background_work() {
        Later.DONE.set(0);

        client.given().get("/later").expectBody("accepted");
        assertThat(Later.DONE.get()).isZero();
        client.awaitBackgroundTasks();

        assertThat(Later.DONE.get()).isEqualTo(1);
    }

    @Test
    void an_async_request_counts_as_background_work_from_the_moment_it_is_sent() {
        Later.DONE.set(0);

        java.util.concurrent.CompletableFuture<Response> pending = client.async().given().get("/later");
        client.awaitBackgroundTasks();

        assertThat(pending).isDone();
        assertThat(Later.DONE.get()).isEqualTo(1);
    }

    @Test
    void an_override_wins_over_the_apps_own_set_attribute_and_the_apps_value_comes_back_after() {
        client.given().get("/mailer").expectBody("RealMailer");
        try (AttributeOverride ignored = client.override("mailer", fake)) {
            client.given().put("/mailer").expectStatus(204);
            client.given().get("/mailer").expectBody("FakeMailer");
        }
        client.given().get("/mailer").expectBody("RealMailer");
    }

    @Test
    void an_override_given_before_startup_wins_over_what_the_listener_sets() {
        ServletApp app = ServletApp.builder().listener(new Lifecycle()).override("mailer", fake)
                .servlet("/mailer", WhoMails.class).build();

        try (TestClient early = Testlet.start(app)) {
            early.given().get("/mailer").expectBody("FakeMailer");
        }
    }

    @Test
    void overriding_an_attribute_the_app_never_had_suggests_the_right_name() {
        assertThatThrownBy(() -> client.override("mailr", fake))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the app has no attribute 'mailr' and has never asked for one, so overriding it"
                        + " would change nothing; its attributes are [")
                .hasMessageContaining("; did you mean 'mailer'?");
    }

    @Test
    void clear_overrides_restores_everything() {
        client.override("mailer", fake);

        client.clearOverrides();

        client.given().get("/mailer").expectBody("RealMailer");
    }

    @Test
    void close_waits_for_background_work_before_shutdown() {
        client.override("mailer", fake);
        client.given().formParam("email", "last@example.org").formParam("delay", 100).post("/signup");

        client.close();

        assertThat(fake.sent).containsExactly("last@example.org");
    }

    // ---------------------------------------------------------------- eventually

    @Test
    void eventually_retries_until_the_expectation_holds() {
        client.override("mailer", fake);
        client.given().formParam("email", "eve@example.org").post("/signup");

        List<String> sent = client.eventually(() -> {
            assertThat(fake.sent).containsExactly("eve@example.org");
            return fake.sent;
        });

        assertThat(sent).containsExactly("eve@example.org");
    }

    @Test
    void eventually_treats_false_as_not_yet_and_reports_the_last_exchange() {
        expectFailure(() -> client.eventually(Duration.ofMillis(150), () -> client.given().get("/mailer").text().equals("Nope")))
                .hasFactContaining("but", "did not succeed; the last returned false")
                .mentions("--- the last exchange of the last attempt ---")
                .mentions("RealMailer");
    }

    @Test
    void eventually_reports_the_last_failure_with_its_exchange() {
        expectFailure(() -> client.eventually(Duration.ofMillis(150), () -> client.given().get("/mailer").expectBody("FakeMailer")))
                .hasFact("expected", "the attempt to succeed within 150ms")
                .hasFactContaining("but", "did not succeed; the last failed")
                .mentions("--- the last attempt failed with ---")
                .mentions("expected body : \"FakeMailer\"");
    }
}
