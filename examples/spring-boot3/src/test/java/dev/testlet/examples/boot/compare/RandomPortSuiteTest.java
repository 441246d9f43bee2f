package dev.testlet.examples.boot.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The comparison suite on {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}: Boot's embedded Tomcat
 * on a free port, driven over loopback TCP with {@code TestRestTemplate}.
 *
 * <p>{@code spring.http.client.factory=jdk}: Testlet brings Jetty's HTTP client (through Jetty's
 * WebSocket client), and Boot prefers it over the JDK's when it is on the class path. Jetty's client
 * aborts a POST whose answer is a 401 with {@code WWW-Authenticate: Bearer}
 * ({@code HttpRequestException: Aborting request after receiving a 401 response}) instead of
 * returning the 401, so the suite asks for the JDK client Boot would use without Testlet.
 */
@Tag("spring-comparison")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.http.client.factory=jdk")
class RandomPortSuiteTest {

    @Autowired
    TestRestTemplate http;

    private static HttpEntity<String> json(String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return new HttpEntity<>(body, headers);
    }

    private static HttpEntity<Void> bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return new HttpEntity<>(headers);
    }

    @Test
    void lists_the_seeded_tasks() {
        ResponseEntity<String> response = http.getForEntity("/api/tasks", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JsonPath.<String>read(response.getBody(), "$[0].title")).isEqualTo("Write the release notes");
        assertThat(JsonPath.<String>read(response.getBody(), "$[1].owner")).isEqualTo("admin");
    }

    @Test
    void reads_one_task() {
        ResponseEntity<Map<String, Object>> response = http.exchange("/api/tasks/{id}", HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {}, 2);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo(Map.of("id", 2, "title", "Ship 1.0", "done", false, "owner", "admin"));
    }

    @Test
    void a_missing_task_is_a_404_problem() {
        ResponseEntity<String> response = http.getForEntity("/api/tasks/{id}", String.class, 999);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JsonPath.<String>read(response.getBody(), "$.detail")).isEqualTo("task 999 not found");
    }

    @Test
    void creates_a_task_for_the_token_owner() {
        ResponseEntity<String> response = http.postForEntity("/api/tasks", json("{\"title\":\"Book the venue\"}", "alice-token"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).asString().startsWith("/api/tasks/");
        assertThat(JsonPath.<String>read(response.getBody(), "$.title")).isEqualTo("Book the venue");
        assertThat(JsonPath.<String>read(response.getBody(), "$.owner")).isEqualTo("alice");
    }

    @Test
    void creating_without_a_token_is_a_401() {
        ResponseEntity<String> response = http.postForEntity("/api/tasks", json("{\"title\":\"Sneak in\"}", null), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void an_unknown_token_is_a_401() {
        ResponseEntity<String> response = http.postForEntity("/api/tasks", json("{\"title\":\"Sneak in\"}", "stolen"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(JsonPath.<String>read(response.getBody(), "$.detail")).isEqualTo("the bearer token is not valid");
    }

    @Test
    void an_invalid_task_is_a_400_naming_the_field() {
        ResponseEntity<String> response = http.postForEntity("/api/tasks", json("{\"title\":\" \"}", "alice-token"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JsonPath.<List<Map<String, String>>>read(response.getBody(), "$.errors"))
                .containsExactly(Map.of("field", "title", "message", "must not be blank"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400() {
        ResponseEntity<String> response = http.postForEntity("/api/tasks", json("{\"title\": ", "alice-token"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void deleting_as_a_user_is_a_403_error_page() {
        ResponseEntity<String> response = http.exchange("/api/tasks/{id}", HttpMethod.DELETE, bearer("alice-token"), String.class, 1);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(JsonPath.<String>read(response.getBody(), "$.error")).isEqualTo("Forbidden");
    }

    @Test
    void deleting_as_admin_removes_the_task() {
        ResponseEntity<String> created = http.postForEntity("/api/tasks", json("{\"title\":\"Temporary\"}", "alice-token"), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = JsonPath.<Number>read(created.getBody(), "$.id").longValue();

        ResponseEntity<Void> deleted = http.exchange("/api/tasks/{id}", HttpMethod.DELETE, bearer("admin-token"), Void.class, id);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(http.getForEntity("/api/tasks/{id}", String.class, id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
