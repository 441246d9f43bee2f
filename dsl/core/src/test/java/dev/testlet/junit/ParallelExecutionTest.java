package dev.testlet.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.TestApps;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Eight apps, each with many tests, run by JUnit with parallel execution on: every request must see
 * only its own app's state and its own test's cookies and session.
 */
class ParallelExecutionTest {

    /** Answers with the name the app was started with. */
    public static class Name extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write((String) getServletContext().getAttribute("name"));
        }
    }

    static ServletApp named(String name) {
        return TestApps.builder().servlet("/name", Name.class).attribute("name", name).build();
    }

    abstract static class Sample {
        abstract String name();

        @RepeatedTest(25)
        void sees_only_its_app_its_cookies_and_its_session(TestClient client) {
            client.given().get("/name").expectBody(name());
            client.given().get("/session").expectJson("/count", 1);
            client.given().queryParam("name", "owner").queryParam("value", name()).get("/cookies/set");
            client.given().get("/session").expectJson("/count", 2);
            client.given().get("/echo").expectJson("/cookies/owner", name());
            client.given().get("/name").expectBody(name());
        }
    }

    static class A extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("A"));
        String name() { return "A"; }
    }

    static class B extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("B"));
        String name() { return "B"; }
    }

    static class C extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("C"));
        String name() { return "C"; }
    }

    static class D extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("D"));
        String name() { return "D"; }
    }

    static class E extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("E")).perTest();
        String name() { return "E"; }
    }

    static class F extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("F")).perTest();
        String name() { return "F"; }
    }

    static class G extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("G"));
        String name() { return "G"; }
    }

    static class H extends Sample {
        @RegisterExtension static TestletExtension testlet = TestletExtension.forApp(named("H"));
        String name() { return "H"; }
    }

    @Test
    void eight_apps_with_25_tests_each_run_concurrently_without_cross_talk() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                .selectors(List.of(A.class, B.class, C.class, D.class, E.class, F.class, G.class, H.class).stream()
                        .map(c -> selectClass(c)).toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute()
                .testEvents();

        events.assertStatistics(s -> s.succeeded(200).failed(0).aborted(0));
    }
}
