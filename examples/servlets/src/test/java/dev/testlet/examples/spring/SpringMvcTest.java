package dev.testlet.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spring MVC on a real servlet container through Testlet: the request goes through Jetty's HTTP parser
 * and filter chain into Spring's {@code DispatcherServlet}; in-process the handler runs on the test's
 * thread, and in the served run the same requests go over a real socket. A fresh Spring context (and an
 * empty note book) for every test.
 */
@InBothModes
class SpringMvcTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(SpringApp::app).perTest();

    @Test
    void a_controller_answers_json(TestClient client) {
        client.given().get("/ping")
                .expectStatus(200)
                .expectContentType("application/json")
                .expectJson("", Map.of("ok", true));
    }

    @Test
    void a_posted_note_is_created_and_read_back(TestClient client) {
        client.given().jsonBody(new NewNote("Buy milk")).post("/notes")
                .expectStatus(201)
                .expectHeader("Location", "/notes/1")
                .expectJson("", Map.of("id", 1, "text", "Buy milk"));

        Note note = client.given().get("/notes/{id}", 1).expectStatus(200).bodyAs(Note.class);

        assertThat(note).isEqualTo(new Note(1, "Buy milk"));
    }

    @Test
    void a_missing_note_is_a_404_from_the_controller_advice(TestClient client) {
        client.given().get("/notes/{id}", 7)
                .expectStatus(404)
                .expectContentType("application/json")
                .expectJson("/error", "note 7 not found");
    }

    @Test
    void a_blank_note_is_a_400_with_the_reason(TestClient client) {
        client.given().jsonBody(new NewNote(" ")).post("/notes")
                .expectStatus(400)
                .expectJson("/error", "text must not be blank");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_from_spring(TestClient client) {
        client.given().body("{not json", "application/json").post("/notes").expectStatus(400);
    }

    @Test
    void a_path_no_controller_maps_is_a_404_through_spring_error_handling(TestClient client) {
        client.given().get("/nowhere")
                .expectStatus(404)
                .expectJson("/error", "no route for GET /nowhere");
    }

    @Test
    void a_method_the_controller_does_not_map_is_a_405_with_allow(TestClient client) {
        client.given().delete("/ping")
                .expectStatus(405)
                .expectHeader("Allow", "GET");
    }
}
