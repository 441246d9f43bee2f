package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.ScopedApps;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import dev.testlet.fixtures.WebSocketEndpoints;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@code Testlet.serve}: the same app and the same DSL over a real socket at 127.0.0.1. */
class ServeTest {

    /** Says where the request arrived, as the app sees it, and redirects absolutely on ?to=. */
    public static class Where extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Logger.getLogger("com.example.Where").warning("asked where from " + req.getRemoteAddr());
            if (req.getParameter("to") != null) {
                resp.sendRedirect(req.getRequestURL().toString().replace("/where", req.getParameter("to")));
                return;
            }
            resp.getWriter().write(req.getScheme() + "://" + req.getServerName() + ":" + req.getLocalPort() + " from "
                    + req.getRemoteAddr() + ":" + req.getRemotePort());
        }
    }

    /** Counts its shutdowns. */
    public static class Lifecycle implements ServletContextListener {
        static final AtomicInteger DESTROYED = new AtomicInteger();

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            DESTROYED.incrementAndGet();
        }
    }

    /** Fails to start. */
    public static class Broken implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            throw new IllegalStateException("no database");
        }
    }

    static ServletApp app() {
        return ScopedApps.builder(new AtomicInteger())
                .servlet("/where", Where.class)
                .servlet("/boom", TestApps.Boom.class)
                .servlet("/ticks", new StreamingApps.SseTicker(new LinkedBlockingQueue<>()))
                .websocket(WebSocketEndpoints.Echo.class)
                .listener(Lifecycle.class)
                .build();
    }

    @Test
    void the_app_listens_on_a_free_loopback_port_and_the_origin_says_which() {
        try (TestClient client = Testlet.serve(app())) {
            String origin = client.origin().toString();

            assertThat(origin).matches("http://127\\.0\\.0\\.1:\\d+");
            String seen = client.given().get("/where").expectStatus(200).text();
            assertThat(seen).startsWith(origin + " from 127.0.0.1:").doesNotEndWith(":0");
        }
    }

    @Test
    void an_absolute_location_is_expected_through_the_origin_in_either_mode() {
        for (TestClient client : new TestClient[] {Testlet.start(app()), Testlet.serve(app())}) {
            try (client) {
                client.withFollowRedirects(false).given().queryParam("to", "/value").get("/where")
                        .expectStatus(302)
                        .expectHeader("Location", client.origin() + "/value");
            }
        }
    }

    @Test
    void what_needs_the_app_in_this_jvm_keeps_working_over_the_socket() {
        try (TestClient client = Testlet.serve(app())) {
            try (TestScope scope = client.openScope("served")) {
                scope.client().override(ScopedApps.MAILER, "fake");
                scope.client().given().get("/value").expectBody("fake");
                scope.client().given().get("/lent").expectBody("fake");
            }
            client.given().get("/value").expectBody("real");

            Response boom = client.withServerExceptionsAsResponses().given().get("/boom").expectStatus(500);
            assertThat(boom.serverException()).hasMessage("boom from the servlet");
            assertThatThrownBy(() -> client.given().get("/boom")).isInstanceOf(ServerException.class);

            expectFailure(() -> client.given().get("/where").expectStatus(201))
                    .mentions("--- server log while handling this request ---")
                    .mentions("com.example.Where - asked where from 127.0.0.1");
            client.given().get("/async-start").expectBody("real");
            client.awaitBackgroundTasks();

            try (EventStream events = client.given().sse("/ticks?count=2")) {
                events.expectEvent("tick", "{\"n\":1}").expectEvent("tick", "{\"n\":2}").expectEnd();
            }
            try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
                ws.sendText("over tcp").expectText("Echo: over tcp");
            }
        }
    }

    @Test
    void closing_runs_the_shutdown_listeners_and_frees_the_port() throws IOException {
        int before = Lifecycle.DESTROYED.get();
        TestClient client = Testlet.serve(app());
        int port = client.origin().getPort();

        client.close();

        assertThat(Lifecycle.DESTROYED.get()).isEqualTo(before + 1);
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void a_startup_failure_fails_serve_like_start_naming_the_listener() {
        ServletApp broken = ServletApp.builder().listener(Broken.class).build();

        assertThatThrownBy(() -> Testlet.serve(broken)).isInstanceOf(AppStartupException.class)
                .hasMessageContaining("listener dev.testlet.ServeTest$Broken in contextInitialized threw")
                .hasRootCauseMessage("no database");
    }
}
