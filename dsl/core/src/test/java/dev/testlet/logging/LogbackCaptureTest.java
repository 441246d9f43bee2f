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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logback as SLF4J's backend, as Spring Boot apps have it (the log-backends Surefire run: logback-classic
 * instead of slf4j-jdk14, and logback-test.xml as the app's configuration). Logback's own types are in
 * {@link LogbackConfig}, so this class loads (and skips itself) on the default run's class path too.
 */
@EnabledIfSystemProperty(named = "testlet.logBackends", matches = "true")
class LogbackCaptureTest {

    public static class Audit extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            org.slf4j.Logger log = LoggerFactory.getLogger("com.example.Audit");
            log.debug("below the app's level: {}", req.getRequestURI());
            log.warn("audit entry for {}", req.getRequestURI());
            if (req.getParameter("fail") != null) {
                log.error("could not write the audit entry", new IllegalStateException("disk full"));
            }
            if (req.getParameter("jul") != null) {
                java.util.logging.Logger.getLogger("com.example.Legacy").warning("through java.util.logging");
            }
            resp.getWriter().write("logged");
        }
    }

    /** Reconfigures Logback at startup from the same file, as Spring Boot does (a reset, then a new configuration). */
    public static class ReconfiguresLogback implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            LogbackConfig.resetAndConfigure();
            LoggerFactory.getLogger("com.example.Startup").info("reconfigured at startup");
        }
    }

    /** Reconfigures Logback at startup exactly as Spring Boot 3.5 does: stop, reset, configure, start. */
    public static class ReconfiguresLogbackAsSpringBoot implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            LogbackConfig.stopResetConfigureAndStart();
        }
    }

    @AfterEach
    void clearTheAppsAppender() {
        LogbackConfig.clearAppEvents();
    }

    @Test
    void lines_written_while_handling_a_request_are_attached_to_its_exchange() {
        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/audit", Audit.class).build())) {
            Response r = client.given().get("/audit").expectBody("logged");

            assertThat(r.exchange().serverLog()).singleElement().satisfies(record -> {
                assertThat(record.level()).isEqualTo("WARN");
                assertThat(record.logger()).isEqualTo("com.example.Audit");
                assertThat(record.message()).isEqualTo("audit entry for /audit");
            });
            assertThat(r.toString()).contains("WARN com.example.Audit - audit entry for /audit");
        }
    }

    @Test
    void an_exception_logged_with_a_line_is_kept() {
        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/audit", Audit.class).build())) {
            List<ServerLogRecord> log = client.given().queryParam("fail", 1).get("/audit").exchange().serverLog();

            assertThat(log).extracting(ServerLogRecord::level).containsExactly("WARN", "ERROR");
            assertThat(log.get(1).thrown()).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        }
    }

    @Test
    void the_apps_own_configuration_prints_what_it_printed_and_gets_its_appenders_back() {
        List<String> before = LogbackConfig.rootAppenders();

        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/audit", Audit.class).build())) {
            client.given().get("/audit").expectBody("logged");
            assertThat(LogbackConfig.rootAppenders()).as("while the app runs").hasSize(before.size() + 1);
        }

        assertThat(LogbackConfig.appMessages()).as("the app's appender got its INFO and above, nothing below")
                .containsExactly("audit entry for /audit");
        assertThat(LogbackConfig.rootLevel()).isEqualTo("INFO");
        assertThat(LogbackConfig.rootAppenders()).as("after the app stopped").isEqualTo(before);
    }

    @Test
    void a_reconfiguration_at_startup_keeps_the_capture() {
        ServletApp app = ServletApp.builder().listener(ReconfiguresLogback.class).servlet("/audit", Audit.class).build();

        try (TestClient client = Testlet.start(app)) {
            Response r = client.given().get("/audit").expectBody("logged");

            assertThat(r.exchange().serverLog()).extracting(ServerLogRecord::message).containsExactly("audit entry for /audit");
            assertThat(LogbackConfig.appMessages()).containsExactly("reconfigured at startup", "audit entry for /audit");
        }
    }

    @Test
    void spring_boots_stop_and_reset_at_startup_keeps_the_capture() {
        ServletApp app = ServletApp.builder().listener(ReconfiguresLogbackAsSpringBoot.class).servlet("/audit", Audit.class)
                .build();

        try (TestClient client = Testlet.start(app)) {
            Response r = client.given().get("/audit").expectBody("logged");

            assertThat(r.exchange().serverLog()).extracting(ServerLogRecord::message).containsExactly("audit entry for /audit");
        }
        assertThat(LogbackConfig.rootAppenders()).as("after the app stopped").containsExactly("APP");
    }

    @Test
    void java_util_logging_bridged_to_logback_is_captured_once() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        try (TestClient client = Testlet.start(ServletApp.builder().servlet("/audit", Audit.class).build())) {
            List<ServerLogRecord> log = client.given().queryParam("jul", 1).get("/audit").exchange().serverLog();

            assertThat(log).extracting(r -> r.level() + " " + r.logger() + " - " + r.message())
                    .containsExactly("WARN com.example.Audit - audit entry for /audit",
                            "WARN com.example.Legacy - through java.util.logging");
        } finally {
            SLF4JBridgeHandler.uninstall();
        }
    }

    @Test
    void lines_outside_a_request_are_not_attached_to_one() {
        ServletApp app = ServletApp.builder().listener(ReconfiguresLogback.class).servlet("/audit", Audit.class).build();

        try (TestClient client = Testlet.start(app)) {
            LoggerFactory.getLogger("com.example.Test").warn("from the test, not the app");
            Response r = client.given().get("/audit");

            assertThat(r.exchange().serverLog()).extracting(ServerLogRecord::logger).containsExactly("com.example.Audit");
        }
    }
}
