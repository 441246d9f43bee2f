package dev.testlet.engine.ee11;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.Engines;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What only Servlet 6.1 has, on Testlet's EE 11 engine: {@code HttpServlet.doPatch} (which Spring 7.1
 * routes PATCH through, answering 501 on a 6.0 API) and {@code sendRedirect(String, int)}. Hand-written
 * here: the rest of this module's tests are generated from the ee10 module's.
 */
class Servlet61Test {

    /** Overrides Servlet 6.1's doPatch, and redirects with a status of its choice. */
    public static class Patchable extends HttpServlet {
        @Override
        protected void doPatch(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write("patched " + new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendRedirect("/elsewhere", 303);
        }
    }

    @Test
    void patch_reaches_do_patch_and_a_redirect_takes_the_status_given() {
        try (App app = Engines.start(ServletApp.builder().servlet("/things/*", Patchable.class).build(), Duration.ofSeconds(10))) {
            Exchange patch = app.transport().execute(RequestPlan.of("PATCH", "/things/1")
                    .withHeader("Content-Type", "text/plain").withBody("x".getBytes(StandardCharsets.UTF_8)), null);
            Exchange get = app.transport().execute(RequestPlan.of("GET", "/things/1"), null);

            assertThat(patch.status()).isEqualTo(200);
            assertThat(new String(patch.body(), StandardCharsets.UTF_8)).isEqualTo("patched x");
            assertThat(get.status()).isEqualTo(303);
            assertThat(get.headers().first("Location")).endsWith("/elsewhere");
            assertThat(app.describe()).endsWith("(Jetty ee11)");
        }
    }
}
