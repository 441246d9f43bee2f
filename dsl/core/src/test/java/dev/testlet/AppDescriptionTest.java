package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ServletApp;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What a ServletApp can describe, seen through real requests. */
class AppDescriptionTest {

    /** A "plugin" interface an initializer handles, as Spring's WebApplicationInitializer is. */
    public interface Module {}

    public static class Reports implements Module {}

    public static class Billing implements Module {}

    /** Registers a servlet that lists the modules it was handed, as Spring and Jersey boot without web.xml. */
    @HandlesTypes(Module.class)
    public static class ModuleInitializer implements ServletContainerInitializer {
        @Override
        public void onStartup(Set<Class<?>> modules, ServletContext context) {
            Set<String> names = new TreeSet<>();
            modules.forEach(m -> names.add(m.getSimpleName()));
            context.addServlet("modules", new HttpServlet() {
                @Override
                protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                    resp.getWriter().write(String.join(",", names));
                }
            }).addMapping("/modules");
        }
    }

    public static class ContextName extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(getServletContext().getServletContextName());
        }
    }

    public static class NotFoundPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json");
            resp.getWriter().write("{\"error\":\"no such page\",\"path\":\"" + req.getAttribute("jakarta.servlet.error.request_uri") + "\"}");
        }
    }

    public static class Conflict extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("version conflict");
        }
    }

    public static class ConflictPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setStatus(409);
            resp.getWriter().write("conflict: " + ((Throwable) req.getAttribute("jakarta.servlet.error.exception")).getMessage());
        }
    }

    public static class Slf4jLogging extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            LoggerFactory.getLogger("com.example.Audit").warn("audit entry for {}", req.getRequestURI());
            resp.getWriter().write("logged");
        }
    }

    @Test
    void an_initializer_runs_at_startup_with_the_classes_it_handles() {
        ServletApp app = ServletApp.builder().initializer(new ModuleInitializer(), Reports.class, Billing.class).build();

        try (TestClient client = Testlet.start(app)) {
            client.given().get("/modules").expectBody("Billing,Reports");
        }
    }

    @Test
    void the_jetty_escape_hatch_changes_the_context_before_it_starts() {
        ServletApp app = ServletApp.builder()
                .servlet("/name", ContextName.class)
                .configureJetty(org.eclipse.jetty.server.handler.ContextHandler.class,
                        context -> context.setDisplayName("shop (test)"))
                .build();

        try (TestClient client = Testlet.start(app)) {
            client.given().get("/name").expectBody("shop (test)");
        }
    }

    @Test
    void error_pages_render_through_the_real_error_dispatch() {
        ServletApp app = ServletApp.builder()
                .servlet("/conflict", Conflict.class)
                .servlet("/errors/not-found", NotFoundPage.class)
                .servlet("/errors/conflict", ConflictPage.class)
                .errorPage(404, "/errors/not-found")
                .errorPage(IllegalStateException.class, "/errors/conflict")
                .build();

        try (TestClient client = Testlet.start(app).withServerExceptionsAsResponses()) {
            client.given().get("/missing").expectStatus(404).expectJson("/path", "/missing");
            Response conflict = client.given().get("/conflict").expectStatus(409).expectBody("conflict: version conflict");
            assertThat(conflict.serverException()).hasMessage("version conflict");
        }
    }

    @Test
    void a_context_path_prefixes_every_request_and_redirect_targets_stay_absolute() {
        ServletApp app = dev.testlet.fixtures.TestApps.builder().contextPath("/shop").build();

        try (TestClient client = Testlet.start(app)) {
            client.given().get("/echo/x").expectJson("/path", "/shop/echo/x");
            client.given().queryParam("to", "/shop/echo/landed").get("/redirect").expectJson("/path", "/shop/echo/landed");
        }
    }

    @Test
    void slf4j_log_lines_written_while_handling_a_request_are_attached_to_its_exchange() {
        ServletApp app = ServletApp.builder().servlet("/audit", Slf4jLogging.class).build();

        try (TestClient client = Testlet.start(app)) {
            Response r = client.given().get("/audit").expectBody("logged");
            assertThat(r.exchange().serverLog()).singleElement().satisfies(record -> {
                assertThat(record.level()).isEqualTo("WARNING");
                assertThat(record.logger()).isEqualTo("com.example.Audit");
                assertThat(record.message()).isEqualTo("audit entry for /audit");
            });
            assertThat(r.toString()).contains("WARNING com.example.Audit - audit entry for /audit");
        }
    }
}
