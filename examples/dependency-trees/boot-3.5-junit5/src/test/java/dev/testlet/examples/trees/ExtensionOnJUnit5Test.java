package dev.testlet.examples.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.engine.ServletApp;
import dev.testlet.junit.TestletExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Testlet's JUnit extension on the JUnit 5.12 Spring Boot 3.5 manages: it refuses to run, naming the
 * JUnit found and the lines that bring JUnit 6, instead of failing with NoClassDefFoundError.
 */
class ExtensionOnJUnit5Test {

    /** A test class as users write it; run by the launcher below, not by Surefire (nested classes are not). */
    static class UsesTheExtension {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ServletApp.builder()
                .servlet("/hello", DependencyTreeTest.Hello.class).build());

        @Test
        void hello(TestClient client) {
            client.given().get("/hello").expectStatus(200);
        }
    }

    @Test
    void the_extension_refuses_junit_5_naming_the_version_and_the_fix() {
        assertEquals("5.12.2", Test.class.getPackage().getImplementationVersion(), "this module runs on Boot's JUnit");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();

        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(UsesTheExtension.class)).build(), listener);

        List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
        assertEquals(1, failures.size(), () -> "one failure, for the class: " + failures);
        String message = String.valueOf(failures.get(0).getException().getMessage());
        for (String part : new String[] {
            "Testlet cannot start: JUnit 6 is needed by its JUnit extension, and the class path has an older JUnit Jupiter.",
            "found    : 5.12.2 (",
            "junit-jupiter-api-5.12.2.jar)",
            "<dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>6.0.3</version><type>pom</type><scope>import</scope></dependency>",
            "<junit-jupiter.version>6.0.3</junit-jupiter.version>"}) {
            assertTrue(message.contains(part), () -> "the message should contain\n  " + part + "\nbut was\n" + message);
        }
    }
}
