package dev.testlet.examples.trees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Testlet on the dependency tree Maven resolved for this module (a framework in compile scope, Testlet
 * in test scope, as users write it). The module's pom says what must happen: Testlet starts and serves
 * JSON, or it refuses to start with a message naming the jackson-annotations Maven took, the version
 * Jackson 3 needs and the line to add.
 */
class DependencyTreeTest {

    private static final String EXPECT = System.getProperty("testlet.tree.expect");
    private static final String FOUND = System.getProperty("testlet.tree.found");

    public static class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("{\"ok\":true}");
        }
    }

    @Test
    void testlet_starts_on_this_tree_or_names_the_conflict_and_the_fix() {
        ServletApp app = ServletApp.builder().servlet("/hello", Hello.class).build();

        if (EXPECT.equals("starts")) {
            try (TestClient client = Testlet.start(app)) {
                client.given().get("/hello").expectStatus(200).expectJson("/ok", true);
            }
            return;
        }
        assertEquals("conflict", EXPECT, "testlet.tree.expect is \"starts\" or \"conflict\"");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Testlet.start(app));
        String message = e.getMessage();
        for (String part : new String[] {
            "Testlet cannot start: Jackson 3 needs a newer jackson-annotations than the class path has.",
            "artifact : com.fasterxml.jackson.core:jackson-annotations",
            "found    : " + FOUND + " (",
            "needed   : 2.21 or newer",
            "<dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>2.21</version></dependency>"}) {
            assertTrue(message.contains(part), () -> "the message should contain\n  " + part + "\nbut was\n" + message);
        }
    }
}
