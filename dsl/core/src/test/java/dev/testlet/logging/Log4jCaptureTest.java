package dev.testlet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Log4j 2 (log4j-core behind the Log4j API), in the log-backends Surefire run with log4j2-test.xml as
 * the app's configuration: a file, at INFO. log4j-core's types are in {@link Log4jConfig}, so this
 * class loads (and skips itself) on the default run's class path too.
 */
@EnabledIfSystemProperty(named = "testlet.logBackends", matches = "true")
class Log4jCaptureTest {

    private static final Path APP_LOG = Path.of(System.getProperty("testlet.log4jFile", "target/log4j-app.log"));

    public static class Orders extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            Logger log = LogManager.getLogger("com.example.Orders");
            log.debug("below the app's level: order {}", req.getParameter("id"));
            log.warn("order {} shipped", req.getParameter("id"));
            if (req.getParameter("fail") != null) {
                log.error("order {} lost", req.getParameter("id"), new IllegalStateException("no such order"));
            }
            resp.getWriter().write("shipped");
        }
    }

    /** Reconfigures Log4j at startup (a new configuration object), as Spring Boot does. */
    public static class ReconfiguresLog4j implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            Log4jConfig.reconfigure();
            LogManager.getLogger("com.example.Startup").info("reconfigured at startup");
        }
    }

    @Test
    void lines_written_while_handling_a_request_are_attached_to_its_exchange() {
        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/orders", Orders.class).build())) {
            Response r = client.given().queryParam("id", 7).get("/orders").expectBody("shipped");

            assertThat(r.exchange().serverLog()).singleElement().satisfies(record -> {
                assertThat(record.level()).isEqualTo("WARN");
                assertThat(record.logger()).isEqualTo("com.example.Orders");
                assertThat(record.message()).isEqualTo("order 7 shipped");
            });
            assertThat(r.toString()).contains("WARN com.example.Orders - order 7 shipped");
        }
    }

    @Test
    void an_exception_logged_with_a_line_is_kept() {
        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/orders", Orders.class).build())) {
            List<ServerLogRecord> log = client.given().queryParam("id", 8).queryParam("fail", 1).get("/orders").exchange().serverLog();

            assertThat(log).extracting(ServerLogRecord::message).containsExactly("order 8 shipped", "order 8 lost");
            assertThat(log.get(1).thrown()).isInstanceOf(IllegalStateException.class).hasMessage("no such order");
        }
    }

    @Test
    void the_apps_own_configuration_prints_what_it_printed_and_gets_its_appenders_back() throws IOException {
        Set<String> before = rootAppenders();

        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/orders", Orders.class).build())) {
            client.given().queryParam("id", 9).get("/orders").expectBody("shipped");
            assertThat(rootAppenders()).as("while the app runs").hasSize(before.size() + 1);
        }

        assertThat(Files.readAllLines(APP_LOG, StandardCharsets.UTF_8))
                .as("the app's file got its INFO and above, nothing below")
                .contains("WARN com.example.Orders - order 9 shipped")
                .doesNotContain("DEBUG com.example.Orders - below the app's level: order 9");
        assertThat(rootAppenders()).as("after the app stopped").isEqualTo(before);
    }

    @Test
    void a_reconfiguration_at_startup_keeps_the_capture() {
        ServletApp app = ServletApp.builder().listener(ReconfiguresLog4j.class).servlet("/orders", Orders.class).build();

        try (TestClient client = Testlet.start(app)) {
            Response r = client.given().queryParam("id", 10).get("/orders");

            assertThat(r.exchange().serverLog()).extracting(ServerLogRecord::message).containsExactly("order 10 shipped");
        }
        assertThat(rootAppenders()).as("after the app stopped").containsExactly("APP");
    }

    private static Set<String> rootAppenders() {
        return Log4jConfig.rootAppenders();
    }
}
