package dev.testlet.examples.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import dev.testlet.junit.TestletExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Testlet's JUnit extension on the JUnit 5.12 Spring Boot 3.5 manages: injection, the thread's bound
 * client, snapshots, failure reports and {@code testlet.mode} all work there ({@code @InBothModes}
 * alone needs JUnit 5.13, for class templates).
 */
class ExtensionOnJUnit5Test {

    /** A test class as users write it; run by the launcher below, not by Surefire (nested classes are not). */
    static class UsesTheExtension {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ServletApp.builder()
                .servlet("/hello", DependencyTreeTest.Hello.class).build());

        @Test
        void injected(TestClient client) {
            client.given().get("/hello").expectStatus(200).expectJson("/ok", true);
        }

        @Test
        void bound_to_the_thread() {
            Testlet.given().get("/hello").expectStatus(200);
        }

        @Test
        void snapshot(TestClient client) {
            client.given().get("/hello").expectSnapshot();
        }

        @Test
        void fails_with_its_traffic(TestClient client) {
            client.given().get("/hello").expectStatus(201);
        }
    }

    @TempDir
    Path snapshots;

    @Test
    void the_extension_runs_on_junit_5_12_in_process_and_served() throws Exception {
        assertEquals("5.12.2", Test.class.getPackage().getImplementationVersion(), "this module runs on Boot's JUnit");

        for (String mode : List.of("in-process", "served")) {
            TestExecutionSummary summary = run(mode);

            assertEquals(3, summary.getTestsSucceededCount(), () -> mode + ": " + summary.getFailures());
            assertEquals(1, summary.getFailures().size(), () -> mode + ": " + summary.getFailures());
            Throwable failed = summary.getFailures().get(0).getException();
            assertTrue(failed.getMessage().startsWith("expected status : 201\nbut was         : 200 OK"), failed::getMessage);
            assertTrue(Arrays.stream(failed.getSuppressed()).anyMatch(s -> s.getClass().getSimpleName().equals("RecordedExchanges")),
                    () -> mode + ": the failure carries the test's traffic");
        }
        try (var files = Files.walk(snapshots)) {
            String written = Files.readString(files.filter(p -> p.toString().endsWith(".snap")).findFirst().orElseThrow());
            assertTrue(written.contains("═══ snapshot\nGET /hello\n200 OK"), written);
        }
    }

    private TestExecutionSummary run(String mode) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(UsesTheExtension.class))
                .configurationParameter("testlet.mode", mode)
                .configurationParameter("testlet.snapshots", "update")
                .configurationParameter("testlet.snapshots.dir", snapshots.toString())
                .build(), listener);
        return listener.getSummary();
    }
}
