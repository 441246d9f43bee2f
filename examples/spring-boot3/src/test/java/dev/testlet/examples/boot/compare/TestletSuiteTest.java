package dev.testlet.examples.boot.compare;

import dev.testlet.TestClient;
import dev.testlet.engine.ServletApp;
import dev.testlet.examples.boot.TasksApplication;
import dev.testlet.junit.TestletExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.SpringServletContainerInitializer;

/**
 * The comparison suite on Testlet: ten tests of the tasks API, the app deployed in-process as its WAR
 * would be ({@code SpringBootServletInitializer} on a real Jetty, no port). The same ten tests exist
 * for MockMvc ({@link MockMvcSuiteTest}) and for a real port ({@link RandomPortSuiteTest});
 * {@link SuiteComparison} times the three.
 */
class TestletSuiteTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(ServletApp.builder()
            .initializer(new SpringServletContainerInitializer(), TasksApplication.class)
            .webSocketContainer()
            .build())
            .withStartupTimeout(Duration.ofSeconds(60));   // Boot's first start in a JVM takes seconds

    @Test
    void lists_the_seeded_tasks(TestClient client) {
        client.given().get("/api/tasks")
                .expectStatus(200)
                .expectJson("/0/title", "Write the release notes")
                .expectJson("/1/owner", "admin");
    }

    @Test
    void reads_one_task(TestClient client) {
        client.given().get("/api/tasks/{id}", 2)
                .expectStatus(200)
                .expectJson("", Map.of("id", 2, "title", "Ship 1.0", "done", false, "owner", "admin"));
    }

    @Test
    void a_missing_task_is_a_404_problem(TestClient client) {
        client.given().get("/api/tasks/{id}", 999)
                .expectStatus(404)
                .expectContentType("application/problem+json")
                .expectJson("/detail", "task 999 not found");
    }

    @Test
    void creates_a_task_for_the_token_owner(TestClient client) {
        client.given().bearerAuth("alice-token").jsonBody(Map.of("title", "Book the venue"))
                .post("/api/tasks")
                .expectStatus(201)
                .expectHeaderMatching("Location", location -> location.startsWith("/api/tasks/"))
                .expectJson("/title", "Book the venue")
                .expectJson("/owner", "alice");
    }

    @Test
    void creating_without_a_token_is_a_401(TestClient client) {
        client.given().jsonBody(Map.of("title", "Sneak in")).post("/api/tasks")
                .expectStatus(401)
                .expectHeader("WWW-Authenticate", "Bearer");
    }

    @Test
    void an_unknown_token_is_a_401(TestClient client) {
        client.given().bearerAuth("stolen").jsonBody(Map.of("title", "Sneak in")).post("/api/tasks")
                .expectStatus(401)
                .expectJson("/detail", "the bearer token is not valid");
    }

    @Test
    void an_invalid_task_is_a_400_naming_the_field(TestClient client) {
        client.given().bearerAuth("alice-token").jsonBody(Map.of("title", " ")).post("/api/tasks")
                .expectStatus(400)
                .expectJson("/errors", List.of(Map.of("field", "title", "message", "must not be blank")));
    }

    @Test
    void a_body_that_is_not_json_is_a_400(TestClient client) {
        client.given().bearerAuth("alice-token").body("{\"title\": ", "application/json").post("/api/tasks")
                .expectStatus(400);
    }

    @Test
    void deleting_as_a_user_is_a_403_error_page(TestClient client) {
        client.given().bearerAuth("alice-token").delete("/api/tasks/{id}", 1)
                .expectStatus(403)
                .expectJson("/error", "Forbidden");
    }

    @Test
    void deleting_as_admin_removes_the_task(TestClient client) {
        long id = client.given().bearerAuth("alice-token").jsonBody(Map.of("title", "Temporary")).post("/api/tasks")
                .expectStatus(201).json("/id").asLong();

        client.given().bearerAuth("admin-token").delete("/api/tasks/{id}", id).expectStatus(204);
        client.given().get("/api/tasks/{id}", id).expectStatus(404);
    }
}
