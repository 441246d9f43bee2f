package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.testlet.engine.ServletApp;
import dev.testlet.engine.spi.BackgroundWorkException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A late write never lands in the next response. Jetty reuses a connection's servlet channel, and its
 * output stream, for the connection's next request: an app thread that kept the stream of a completed
 * response and writes to it would write into whatever request the connection carries next.
 */
class LateWriteTest {

    /** Gates shared by the two servlets of one app (one app per test). */
    static final class Gates {
        final CountDownLatch nextStarted = new CountDownLatch(1);
        final CountDownLatch lateDone = new CountDownLatch(1);
    }

    /** Answers "ok" from a server task, completes, then writes again once the next request runs. */
    public static class WritesLate extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Gates gates = (Gates) getServletContext().getAttribute("gates");
            AsyncContext async = req.startAsync();
            ServletOutputStream out = resp.getOutputStream();
            async.start(() -> {
                try {
                    out.write("ok".getBytes());
                    async.complete();
                    gates.nextStarted.await(5, TimeUnit.SECONDS);
                    out.write("LATE".getBytes());
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    gates.lateDone.countDown();
                }
            });
        }
    }

    /** Lets the late writer write while it runs, then answers "next". */
    public static class Next extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Gates gates = (Gates) getServletContext().getAttribute("gates");
            gates.nextStarted.countDown();
            try {
                gates.lateDone.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resp.getWriter().write("next");
        }
    }

    TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(ServletApp.builder().attribute("gates", new Gates())
                .servlet("/late", WritesLate.class).servlet("/next", Next.class).build());
    }

    @AfterEach
    void stop() {
        try {
            client.close();
        } catch (AssertionError e) {
            // the late write, which the test below checks is reported
        }
    }

    @Test
    void the_next_response_on_the_connection_has_only_its_own_bytes() {
        client.given().get("/late").expectBody("ok");

        client.given().get("/next").expectBody("next");
    }

    @Test
    void the_late_write_is_reported_naming_the_request_that_wrote_late() {
        client.given().get("/late").expectBody("ok");
        client.given().get("/next");

        Throwable reported = catchThrowable(() -> client.awaitBackgroundTasks());

        assertThat(reported).isInstanceOf(AssertionError.class);
        assertThat(reported.getMessage()).contains("the app misbehaved: GET /late started a task that wrote to its"
                + " response after the response was complete (java.io.UncheckedIOException: org.eclipse.jetty.io.EofException:"
                + " Closed); an app must not write to a response after AsyncContext.complete() or after its handler returned"
                + " (the write failed, so nothing reached another response)");
    }
}
