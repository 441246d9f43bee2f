package dev.testlet.examples.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Testlet on the dependency tree Maven resolved for this module (a framework in compile scope, Testlet
 * in test scope, as users write it). The module's pom says what must happen: Testlet starts and serves
 * JSON; or it refuses to start with one message naming each conflict Maven made (the jackson-annotations
 * it took, the Jetty it took), what Testlet needs and the lines to add, and nothing about what is fine;
 * or, for its EE 10 artifact on a Servlet 6.1 tree, it refuses naming the EE 11 artifact.
 */
class DependencyTreeTest {

    private static final String EXPECT = System.getProperty("testlet.tree.expect");
    /** The jackson-annotations version the refusal must name, or "none". */
    private static final String ANNOTATIONS = System.getProperty("testlet.tree.found");
    /** The Jetty version the refusal must name, or "none". */
    private static final String JETTY = System.getProperty("testlet.tree.jetty");
    private static final String NONE = "none";

    public static class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"ok\":true}");
        }
    }

    @Test
    void testlet_starts_on_this_tree_or_names_the_conflicts_and_the_fix() {
        ServletApp app = ServletApp.builder().servlet("/hello", Hello.class).build();

        if (EXPECT.equals("starts")) {
            try (TestClient client = Testlet.start(app)) {
                client.given().get("/hello").expectStatus(200).expectJson("/ok", true);
            }
            return;
        }
        if (EXPECT.equals("needs-ee11")) {
            AppStartupException e = assertThrows(AppStartupException.class, () -> Testlet.start(app));
            assertParts(e.getMessage(), "this app needs Servlet 6.1 (Jakarta EE 11): the class path has Spring Framework 7,"
                    + " Spring Boot 4 and the Servlet 6.1 API (jakarta.servlet classes from file:",
                    "but Testlet's engine here is EE 10 (Jetty ee10, Servlet 6.0)",
                    "replace dev.testlet:testlet-dsl with dev.testlet:testlet-dsl-ee11 (same version)");
            return;
        }
        assertEquals("conflict", EXPECT, "testlet.tree.expect is \"starts\", \"needs-ee11\" or \"conflict\"");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Testlet.start(app));
        String message = e.getMessage();
        List<String> named = new ArrayList<>();
        String annotationsTitle = "Jackson 3 needs a newer jackson-annotations than the class path has.";
        if (ANNOTATIONS.equals(NONE)) {
            assertFalse(message.contains(annotationsTitle), () -> "the message names jackson-annotations, which is fine here:\n" + message);
        } else {
            named.add("jackson-annotations");
            assertParts(message, annotationsTitle,
                    "artifact : com.fasterxml.jackson.core:jackson-annotations",
                    "found    : " + ANNOTATIONS + " (",
                    "needed   : 2.21 or newer",
                    "<dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>2.21</version></dependency>");
        }
        String jettyTitle = "Jetty 12.1 is needed, and the class path has another jetty-server.";
        if (JETTY.equals(NONE)) {
            assertFalse(message.contains(jettyTitle), () -> "the message names Jetty, which is fine here:\n" + message);
        } else {
            named.add("Jetty");
            assertParts(message, jettyTitle,
                    "artifact : org.eclipse.jetty:jetty-server",
                    "found    : " + JETTY + " (",
                    "jetty-server-" + JETTY + ".jar)",
                    "needed   : 12.1.x",
                    "<dependency><groupId>org.eclipse.jetty</groupId><artifactId>jetty-bom</artifactId><version>12.1.8</version><type>pom</type><scope>import</scope></dependency>",
                    "<dependency><groupId>org.eclipse.jetty.ee10</groupId><artifactId>jetty-ee10-bom</artifactId><version>12.1.8</version><type>pom</type><scope>import</scope></dependency>",
                    "<jetty.version>12.1.8</jetty.version>",
                    "mvn dependency:tree -Dincludes=org.eclipse.jetty");
        }
        assertFalse(named.isEmpty(), "a conflict module names at least one conflict (testlet.tree.found, testlet.tree.jetty)");
        assertTrue(message.startsWith(named.size() == 1 ? "Testlet cannot start: "
                        : "Testlet cannot start: " + named.size() + " of its dependencies on the class path are not what it needs"),
                () -> "the message should name " + named + " but was\n" + message);
    }

    private static void assertParts(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "the message should contain\n  " + part + "\nbut was\n" + message);
        }
    }
}
