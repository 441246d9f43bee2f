package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.fixtures.TestApps;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The same tests in-process and over a real socket, from one annotation or one setting. */
class ModesTest {

    /** Where each run's test saw the app, by display name. */
    static final Map<String, String> ORIGINS = new ConcurrentHashMap<>();

    @InBothModes
    static class Twice {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(TestApps.all());

        @Test
        void sends_the_same_request(TestClient client) {
            client.given().get("/json").expectStatus(200).expectJson("/id", 3);
            ORIGINS.put(TestletExtension.class.getSimpleName() + client.origin().getHost(), client.origin().toString());
        }

        @Test
        @OnlyInMode(value = Mode.IN_PROCESS, because = "it reads the handler's thread")
        void runs_the_handler_on_the_tests_thread(TestClient client) {
            client.given().get("/json").expectStatus(200);
        }
    }

    /** A servlet that writes its own absolute URL, as Jersey's {@code Location} headers do. */
    public static class SelfLink extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
                throws java.io.IOException {
            resp.setHeader("Location", req.getRequestURL() + "/1");
            resp.setContentType("application/json");
            resp.getWriter().write("{\"self\":\"" + req.getRequestURL() + "/1\"}");
        }
    }

    @InBothModes
    static class Snapshotting {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(
                dev.testlet.engine.ServletApp.builder().servlet("/books", SelfLink.class).build());

        @Test
        void links_to_itself(TestClient client) {
            client.given().get("/books").expectStatus(200).expectSnapshot();
        }
    }

    @InBothModes
    static class AsksInBeforeAll {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(TestApps.all());

        @org.junit.jupiter.api.BeforeAll
        static void seed(TestClient client) {
            client.given().get("/json");
        }

        @Test
        void never_runs() {}
    }

    static class Once {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(TestApps.all());

        @Test
        void reports_where_it_ran(TestClient client) {
            ORIGINS.put("once", client.origin().toString());
        }
    }

    @Test
    void an_in_both_modes_class_runs_each_test_in_process_and_served_with_the_mode_in_its_name() {
        ORIGINS.clear();
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Twice.class)).execute().testEvents();

        tests.assertStatistics(s -> s.succeeded(3).skipped(1).failed(0));
        List<String> names = tests.succeeded().map(e -> path(e)).toList();
        assertThat(names).contains("[in-process] sends_the_same_request(TestClient)",
                "[served] sends_the_same_request(TestClient)",
                "[in-process] runs_the_handler_on_the_tests_thread(TestClient)");
        assertThat(tests.skipped().map(e -> e.getPayload(String.class).orElse("")).toList())
                .containsExactly("only meant in-process, and this run is served: it reads the handler's thread");
        assertThat(ORIGINS).containsEntry("TestletExtensionlocalhost", "http://localhost")
                .hasEntrySatisfying("TestletExtension127.0.0.1", o -> assertThat(o).matches("http://127\\.0\\.0\\.1:\\d+"));
    }

    @Test
    void the_testlet_mode_setting_runs_a_whole_suite_in_one_mode() {
        ORIGINS.clear();
        EngineTestKit.engine("junit-jupiter").configurationParameter(Mode.PROPERTY, "served")
                .selectors(selectClass(Twice.class), selectClass(Once.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(2).skipped(1).failed(0));

        assertThat(ORIGINS.get("once")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(ORIGINS).doesNotContainKey("TestletExtensionlocalhost");
    }

    @Test
    void a_bad_mode_setting_fails_naming_the_valid_ones() {
        Events events = EngineTestKit.engine("junit-jupiter").configurationParameter(Mode.PROPERTY, "sideways")
                .selectors(selectClass(Once.class)).execute().allEvents();

        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("")))
                .contains("testlet.mode=sideways is not a mode; use in-process, served or both");
    }

    @Test
    void both_modes_check_one_snapshot_and_a_served_origin_is_written_as_the_in_process_one(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        EngineTestKit.engine("junit-jupiter").configurationParameter("testlet.snapshots", "update")
                .configurationParameter("testlet.snapshots.dir", dir.toString())
                .selectors(selectClass(Snapshotting.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(0));

        java.nio.file.Path file;
        try (var files = java.nio.file.Files.walk(dir)) {
            file = files.filter(p -> p.toString().endsWith(".snap")).findFirst().orElseThrow();
        }
        String text = java.nio.file.Files.readString(file);
        assertThat(text).contains("═══ links_to_itself\n").doesNotContain("[1]").doesNotContain("[2]")
                .contains("Location: http://localhost/books/1").contains("\"self\": \"http://localhost/books/1\"")
                .doesNotContain("127.0.0.1");
        EngineTestKit.engine("junit-jupiter").configurationParameter("testlet.snapshots", "verify")
                .configurationParameter("testlet.snapshots.dir", dir.toString())
                .selectors(selectClass(Snapshotting.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(0));
    }

    @Test
    void a_before_all_method_of_an_in_both_modes_class_is_told_why_it_has_no_client() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(AsksInBeforeAll.class)).execute()
                .allEvents();

        assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse("")))
                .anySatisfy(m -> assertThat(m).contains("in an @InBothModes class JUnit runs @BeforeAll once, before"
                        + " both runs, when neither mode's app has started"));
    }

    private static String path(Event e) {
        String id = e.getTestDescriptor().getUniqueId().toString();
        String run = id.contains("invocation:#1") ? "[in-process] " : id.contains("invocation:#2") ? "[served] " : "";
        return run + e.getTestDescriptor().getDisplayName();
    }
}
