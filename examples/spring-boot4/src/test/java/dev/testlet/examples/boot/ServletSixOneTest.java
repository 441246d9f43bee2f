package dev.testlet.examples.boot;

import dev.testlet.TestClient;
import dev.testlet.junit.TestletExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What needs Jakarta EE 11: a PATCH mapped with {@code @PatchMapping} (Spring 7.1 dispatches it through
 * Servlet 6.1's {@code HttpServlet.doPatch}) and a redirect through Servlet 6.1's
 * {@code sendRedirect(String, int)}. These pass on an EE 11 (Servlet 6.1) container; see the module's
 * README for what Testlet's EE 10 engine does with them.
 */
class ServletSixOneTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(TasksApp.app()).withStartupTimeout(TasksApp.STARTUP);

    @Test
    void patch_changes_only_the_fields_it_names(TestClient client) {
        long id = client.given().bearerAuth(TasksApp.ALICE).jsonBody(Map.of("title", "Patch me"))
                .post("/api/tasks").expectStatus(201).json("/id").asLong();

        client.given().bearerAuth(TasksApp.ALICE).jsonBody(Map.of("done", true))
                .patch("/api/tasks/{id}", id)
                .expectStatus(200)
                .expectJson("", Map.of("id", id, "title", "Patch me", "done", true, "owner", "alice"));
    }

    @Test
    void an_invalid_patch_is_a_400_naming_the_field(TestClient client) {
        client.given().bearerAuth(TasksApp.ALICE).jsonBody(Map.of("title", " "))
                .patch("/api/tasks/{id}", 2)
                .expectStatus(400)
                .expectJson("/errors/0/field", "title")
                .expectJson("/errors/0/message", "must not be blank");
    }

    @Test
    void marking_a_task_done_redirects_with_303_to_it(TestClient client) {
        client.withFollowRedirects(false).given().bearerAuth(TasksApp.ALICE)
                .post("/api/tasks/{id}/done", 1)
                .expectStatus(303)
                .expectHeader("Location", "/api/tasks/1");   // Jetty 12 allows relative redirects by default

        client.given().get("/api/tasks/{id}", 1).expectJson("/done", true);
    }
}
