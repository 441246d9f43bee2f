package dev.testlet.examples.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.EventStream;
import dev.testlet.Response;
import dev.testlet.ServerSentEvent;
import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Jersey 3.1 on a real Jetty in the test's JVM: requests go through Jetty's HTTP parser into Jersey's
 * servlet, its filters, resources, exception mappers and Jackson 2 provider; the test side writes and
 * reads JSON with Testlet's Jackson 3. A fresh app (an empty shelf) for every test, and every test run
 * twice: in-process and served on a real port.
 */
@InBothModes
class LibraryApiTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(LibraryApp.app()).perTest();

    private static final NewBook DUNE = new NewBook("978-0441013593", "Dune");
    private static final NewBook SOLARIS = new NewBook("978-0156027601", "Solaris");

    @Test
    void a_posted_book_is_created_at_its_location_and_read_back(TestClient client) {
        Response created = client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books")
                .expectStatus(201)
                .expectContentType("application/json")
                .expectJson("", Map.of("id", 1, "isbn", "978-0441013593", "title", "Dune"));
        String location = URI.create(created.header("Location")).getPath();

        Book book = client.given().get(location).expectStatus(200).bodyAs(Book.class);

        assertThat(location).isEqualTo("/api/books/1");
        assertThat(book).isEqualTo(new Book(1, "978-0441013593", "Dune"));
    }

    @Test
    void the_list_is_json_written_by_jerseys_jackson_provider(TestClient client) {
        TestClient librarian = client.withHeader("Authorization", "Bearer " + LibraryApp.TOKEN);
        librarian.given().jsonBody(DUNE).post("/api/books").expectStatus(201);
        librarian.given().jsonBody(SOLARIS).post("/api/books").expectStatus(201);

        client.given().get("/api/books")
                .expectStatus(200)
                .expectJson("/0/title", "Dune")
                .expectJson("/1", Map.of("id", 2, "isbn", "978-0156027601", "title", "Solaris"));
    }

    @Test
    void a_missing_book_is_a_404_with_the_exception_mappers_body(TestClient client) {
        client.given().get("/api/books/{id}", 7)
                .expectStatus(404)
                .expectContentType("application/json")
                .expectJson("", Map.of("error", "book 7 not found"));
    }

    @Test
    void a_second_book_with_the_same_isbn_is_a_409_from_the_mapper(TestClient client) {
        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books").expectStatus(201);

        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(new NewBook(DUNE.isbn(), "Dune (again)")).post("/api/books")
                .expectStatus(409)
                .expectJson("/error", "ISBN 978-0441013593 is already on the shelf as book 1");
    }

    @Test
    void a_blank_title_is_a_400_from_the_mapper(TestClient client) {
        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(new NewBook("978-0156027601", " ")).post("/api/books")
                .expectStatus(400)
                .expectJson("/error", "title must not be blank");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_from_jerseys_jackson_provider(TestClient client) {
        client.given().bearerAuth(LibraryApp.TOKEN).body("{\"isbn\": ", "application/json").post("/api/books")
                .expectStatus(400);
    }

    @Test
    void adding_a_book_without_a_token_is_a_401_from_the_request_filter(TestClient client) {
        client.given().jsonBody(DUNE).post("/api/books")
                .expectStatus(401)
                .expectHeader("WWW-Authenticate", "Bearer realm=\"library\"")
                .expectJson("/error", "a bearer token is required");
        client.given().bearerAuth("guess").delete("/api/books/{id}", 1)
                .expectStatus(401)
                .expectJson("/error", "the bearer token is not valid");

        client.given().get("/api/books").expectStatus(200).expectJson("", List.of());
    }

    @Test
    void expecting_the_wrong_status_fails_with_the_body_the_mapper_answered(TestClient client) {
        assertThatThrownBy(() -> client.given().get("/api/books/{id}", 7).expectStatus(200))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected status : 200")
                .hasMessageContaining("404")
                .hasMessageContaining("GET /api/books/7")
                .hasMessageContaining("book 7 not found");
    }

    @Test
    void expecting_another_error_text_fails_naming_both_texts(TestClient client) {
        assertThatThrownBy(() -> client.given().jsonBody(DUNE).post("/api/books").expectJson("/error", "forbidden"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("forbidden")
                .hasMessageContaining("a bearer token is required");
    }

    @Test
    void the_export_is_resumed_from_the_apps_executor_as_csv(TestClient client) {
        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books").expectStatus(201);

        client.given().bearerAuth(LibraryApp.TOKEN).get("/api/books/export")
                .expectStatus(200)
                .expectContentType("text/csv")
                .expectBody("id,isbn,title\n1,978-0441013593,\"Dune\"\n");
    }

    @Test
    void awaiting_background_tasks_covers_a_suspended_export(TestClient client) {
        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(SOLARIS).post("/api/books").expectStatus(201);
        CompletableFuture<Response> export = client.async().given().bearerAuth(LibraryApp.TOKEN).get("/api/books/export");

        client.awaitBackgroundTasks();

        assertThat(export).isDone();
        export.join().expectStatus(200).expectBodyContains("Solaris");
    }

    @Test
    void the_catalogue_streams_every_book_then_ends(TestClient client) {
        TestClient librarian = client.withHeader("Authorization", "Bearer " + LibraryApp.TOKEN);
        librarian.given().jsonBody(DUNE).post("/api/books").expectStatus(201);
        librarian.given().jsonBody(SOLARIS).post("/api/books").expectStatus(201);

        try (EventStream catalogue = client.given().sse("/api/books/catalogue")) {
            catalogue.expectStatus(200).expectContentType("text/event-stream");
            List<ServerSentEvent> books = catalogue.take(2);

            assertThat(books).extracting(ServerSentEvent::event).containsOnly("book");
            assertThat(books).extracting(ServerSentEvent::id).containsExactly("1", "2");
            assertThat(books.get(1).dataAs(Book.class)).isEqualTo(new Book(2, SOLARIS.isbn(), SOLARIS.title()));
            catalogue.expectEvent("end", "{\"count\":2}").expectEnd();
        }
    }

    @Test
    void the_feed_announces_new_books_until_the_client_leaves_and_the_server_notices(TestClient client) {
        try (EventStream feed = client.given().sse("/api/feed")) {
            feed.expectStatus(200);
            client.given().get("/api/feed/subscribers").expectJson("/count", 1);

            client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books").expectStatus(201);

            ServerSentEvent added = feed.next();
            assertThat(added.event()).isEqualTo("book-added");
            assertThat(added.json("/title").asString()).isEqualTo("Dune");
        }

        client.eventually(() -> client.given().get("/api/feed/subscribers").expectJson("/count", 0));
    }
}
