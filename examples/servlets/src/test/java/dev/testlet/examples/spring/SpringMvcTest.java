package dev.testlet.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spring MVC on a real servlet container through Testlet: the request goes through Jetty's HTTP parser
 * and filter chain into Spring's {@code DispatcherServlet}, and the handler runs on the test's thread.
 */
class SpringMvcTest {

    private TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(SpringApp.app());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void a_controller_answers_json() {
        client.given().get("/ping")
                .expectStatus(200)
                .expectContentType("application/json")
                .expectJson("", Map.of("ok", true));
    }

    @Test
    void a_posted_note_is_created_and_read_back() {
        client.given().jsonBody(new NewNote("Buy milk")).post("/notes")
                .expectStatus(201)
                .expectHeader("Location", "/notes/1")
                .expectJson("", Map.of("id", 1, "text", "Buy milk"));

        Note note = client.given().get("/notes/{id}", 1).expectStatus(200).bodyAs(Note.class);

        assertThat(note).isEqualTo(new Note(1, "Buy milk"));
    }

    @Test
    void a_missing_note_is_a_404_from_the_controller_advice() {
        client.given().get("/notes/{id}", 7)
                .expectStatus(404)
                .expectContentType("application/json")
                .expectJson("/error", "note 7 not found");
    }

    @Test
    void a_blank_note_is_a_400_with_the_reason() {
        client.given().jsonBody(new NewNote(" ")).post("/notes")
                .expectStatus(400)
                .expectJson("/error", "text must not be blank");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_from_spring() {
        client.given().body("{not json", "application/json").post("/notes").expectStatus(400);
    }

    @Test
    void a_path_no_controller_maps_is_a_404_through_spring_error_handling() {
        client.given().get("/nowhere")
                .expectStatus(404)
                .expectJson("/error", "no route for GET /nowhere");
    }

    @Test
    void a_method_the_controller_does_not_map_is_a_405_with_allow() {
        client.given().delete("/ping")
                .expectStatus(405)
                .expectHeader("Allow", "GET");
    }
}
