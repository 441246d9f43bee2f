package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    /** Records its lifecycle calls in a list the test owns. */
    static final class Recording implements ServletContextListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void contextInitialized(ServletContextEvent e) {
            events.add("initialized");
            e.getServletContext().setAttribute("greeting", "hello from startup");
        }

        @Override
        public void contextDestroyed(ServletContextEvent e) {
            events.add("destroyed");
        }
    }

    public static class Greeting extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write((String) getServletContext().getAttribute("greeting"));
        }
    }

    static final class FailingListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent e) {
            throw new IllegalStateException("database unreachable");
        }
    }

    static final class HangingListener implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent e) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException("startup interrupted", interrupted);
            }
        }
    }

    @Test
    void start_returns_after_context_initialized_and_close_runs_context_destroyed() {
        Recording lifecycle = new Recording();
        ServletApp app = ServletApp.builder().listener(lifecycle).servlet("/greeting", Greeting.class).build();

        try (TestClient client = Testlet.start(app)) {
            assertThat(lifecycle.events).containsExactly("initialized");
            client.given().get("/greeting").expectBody("hello from startup");
        }

        assertThat(lifecycle.events).containsExactly("initialized", "destroyed");
    }

    /** Appends its name to the "events" list the test hands the app. */
    public static class First implements ServletContextListener {
        @Override
        @SuppressWarnings("unchecked")
        public void contextInitialized(ServletContextEvent e) {
            ((List<String>) e.getServletContext().getAttribute("events")).add("first up");
        }

        @Override
        @SuppressWarnings("unchecked")
        public void contextDestroyed(ServletContextEvent e) {
            ((List<String>) e.getServletContext().getAttribute("events")).add("first down");
        }
    }

    static final class Second implements ServletContextListener {
        @Override
        @SuppressWarnings("unchecked")
        public void contextInitialized(ServletContextEvent e) {
            ((List<String>) e.getServletContext().getAttribute("events")).add("second up");
        }

        @Override
        @SuppressWarnings("unchecked")
        public void contextDestroyed(ServletContextEvent e) {
            ((List<String>) e.getServletContext().getAttribute("events")).add("second down");
        }
    }

    @Test
    void listeners_run_in_the_order_given_whether_classes_or_instances_and_shut_down_in_reverse() {
        List<String> events = new CopyOnWriteArrayList<>();
        ServletApp app = ServletApp.builder().attribute("events", events).listener(First.class).listener(new Second()).build();

        Testlet.start(app).close();

        assertThat(events).containsExactly("first up", "second up", "second down", "first down");
    }

    @Test
    void shutdown_runs_even_when_the_test_fails_inside_try_with_resources() {
        Recording lifecycle = new Recording();
        ServletApp app = ServletApp.builder().listener(lifecycle).servlet("/greeting", Greeting.class).build();

        AssertionError failed = catchThrowableOfType(AssertionError.class, () -> {
            try (TestClient client = Testlet.start(app)) {
                client.given().get("/greeting").expectStatus(418);
            }
        });

        assertThat(failed).isNotNull();
        assertThat(lifecycle.events).containsExactly("initialized", "destroyed");
    }

    @Test
    void a_listener_that_throws_fails_start_naming_the_listener_with_its_exception_as_cause() {
        ServletApp app = ServletApp.builder().listener(new FailingListener()).build();

        AppStartupException e = catchThrowableOfType(AppStartupException.class, () -> Testlet.start(app));

        assertThat(e).hasMessage("the app failed to start: listener dev.testlet.LifecycleTest$FailingListener in"
                + " contextInitialized threw java.lang.IllegalStateException: database unreachable");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("database unreachable");
    }

    @Test
    void a_failed_start_leaves_no_thread_running() throws Exception {
        ServletApp app = ServletApp.builder().listener(new FailingListener()).build();
        Testlet.start(ServletApp.builder().build()).close();
        long before = testletThreads();

        for (int i = 0; i < 5; i++) {
            catchThrowableOfType(AppStartupException.class, () -> Testlet.start(app));
        }

        assertThat(awaitThreadCount(before)).isLessThanOrEqualTo(before);
    }

    @Test
    void a_startup_that_hangs_fails_after_its_timeout_with_the_stack() {
        ServletApp app = ServletApp.builder().listener(new HangingListener()).build();

        AppStartupException e = catchThrowableOfType(AppStartupException.class,
                () -> Testlet.start(app, Duration.ofMillis(300)));

        assertThat(e.getMessage())
                .startsWith("the app did not start within 300ms; to allow it more, use"
                        + " TestletExtension.forApp(app).withStartupTimeout(Duration.ofSeconds(60)) or"
                        + " Testlet.start(app, Duration.ofSeconds(60)) (Spring Boot's first start in a JVM often takes"
                        + " over 10s).\nThe starting thread was interrupted there:\n")
                .contains("at dev.testlet.LifecycleTest$HangingListener.contextInitialized");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void many_apps_run_at_once_each_with_its_own_state() {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                int n = i;
                ServletApp app = ServletApp.builder()
                        .listener(new ServletContextListener() {
                            @Override
                            public void contextInitialized(ServletContextEvent e) {
                                e.getServletContext().setAttribute("greeting", "app " + n);
                            }
                        })
                        .servlet("/greeting", Greeting.class)
                        .build();
                clients.add(Testlet.start(app));
            }
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).given().get("/greeting").expectBody("app " + i);
            }
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    private static long testletThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("testlet") || t.getName().startsWith("jetty")).count();
    }

    /** Platform threads end asynchronously after stop; wait (bounded) for the count to settle. */
    private static long awaitThreadCount(long target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long count = testletThreads();
        while (count > target && System.nanoTime() < deadline) {
            Thread.sleep(10);
            count = testletThreads();
        }
        return count;
    }
}
