package dev.testlet.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;

/**
 * The tasks API of a Spring Boot app through Testlet: Boot's JSON (Jackson 2 on Boot 3.5, 3 on Boot 4), Bean Validation,
 * Spring Security with bearer tokens and an H2 database, one app (one Spring context) for the class.
 */
@InBothModes
class TasksApiTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(TasksApp.app()).withStartupTimeout(TasksApp.STARTUP);

    @Test
    void lists_the_tasks_from_the_database(TestClient client) {
        client.given().get("/api/tasks")
                .expectStatus(200)
                .expectContentType("application/json")
                .expectJson("/0", Map.of("id", 1, "title", "Write the release notes", "done", true, "owner", "alice"))
                .expectJson("/1/title", "Ship 1.0");
    }

    @Test
    void reads_one_task_as_a_typed_value(TestClient client) {
        Task task = client.given().get("/api/tasks/{id}", 2).expectStatus(200).bodyAs(Task.class);

        assertThat(task).isEqualTo(new Task(2, "Ship 1.0", false, "admin"));
    }

    @Test
    void a_missing_task_is_a_404_problem(TestClient client) {
        client.given().get("/api/tasks/{id}", 999)
                .expectStatus(404)
                .expectContentType("application/problem+json")
                .expectJson("/title", "Not Found")
                .expectJson("/detail", "task 999 not found")
                .expectJson("/instance", "/api/tasks/999");
    }

    @Test
    void creating_a_task_stores_it_for_the_token_owner(TestClient client) {
        Response created = client.given().bearerAuth(TasksApp.ALICE)
                .jsonBody(Map.of("title", "Book the venue"))
                .post("/api/tasks")
                .expectStatus(201)
                .expectJson("/title", "Book the venue")
                .expectJson("/owner", "alice")
                .expectJson("/done", false);

        client.given().get(created.header("Location"))
                .expectStatus(200)
                .expectJson("", created.json());
        List<Task> all = client.given().get("/api/tasks").bodyAs(new TypeReference<List<Task>>() {});
        assertThat(all).extracting(Task::title).contains("Book the venue");
    }

    @Test
    void the_apps_java_util_logging_lines_are_kept_with_the_request_although_boot_configured_logback(TestClient client) {
        Response created = client.given().bearerAuth(TasksApp.ALICE).jsonBody(Map.of("title", "Log me"))
                .post("/api/tasks")
                .expectStatus(201);

        assertThat(created.exchange().serverLog())
                .extracting(ServerLogRecord::message)
                .containsExactly("task " + created.json("/id").asLong() + " created by alice");
    }

    @Test
    void creating_without_a_token_is_a_401_asking_for_one(TestClient client) {
        client.given().jsonBody(Map.of("title", "Sneak in"))
                .post("/api/tasks")
                .expectStatus(401)
                .expectHeader("WWW-Authenticate", "Bearer")
                .expectContentType("application/problem+json")
                .expectJson("/detail", "Full authentication is required to access this resource");
    }

    @Test
    void an_unknown_token_is_a_401_invalid_token(TestClient client) {
        client.given().bearerAuth("stolen").jsonBody(Map.of("title", "Sneak in"))
                .post("/api/tasks")
                .expectStatus(401)
                .expectHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectJson("/detail", "the bearer token is not valid");
    }

    @Test
    void deleting_needs_the_admin_role(TestClient client) {
        long id = client.given().bearerAuth(TasksApp.ALICE).jsonBody(Map.of("title", "Temporary"))
                .post("/api/tasks").expectStatus(201).json("/id").asLong();

        client.given().bearerAuth(TasksApp.ALICE).delete("/api/tasks/{id}", id)
                .expectStatus(403)
                .expectJson("/error", "Forbidden")             // Boot's error page, reached through its ErrorPageFilter
                .expectJson("/path", "/api/tasks/" + id);
        client.given().bearerAuth(TasksApp.ADMIN).delete("/api/tasks/{id}", id).expectStatus(204);
        client.given().get("/api/tasks/{id}", id).expectStatus(404);
    }

    @Test
    void an_invalid_task_is_a_400_naming_the_field(TestClient client) {
        client.given().bearerAuth(TasksApp.ALICE)
                .jsonBody(Map.of("title", " "))
                .post("/api/tasks")
                .expectStatus(400)
                .expectContentType("application/problem+json")
                .expectJson("/detail", "the task is not valid")
                .expectJson("/errors", List.of(Map.of("field", "title", "message", "must not be blank")));
    }

    @Test
    void a_body_that_is_not_json_is_a_400_from_spring(TestClient client) {
        client.given().bearerAuth(TasksApp.ALICE)
                .body("{\"title\": ", "application/json")
                .post("/api/tasks")
                .expectStatus(400);
    }
}
