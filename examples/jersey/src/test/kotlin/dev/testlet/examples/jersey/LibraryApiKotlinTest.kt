package dev.testlet.examples.jersey

import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import java.net.URI
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension

/** The Jersey library app from Kotlin: the same DSL, streams closed with `use { }`, in-process and served. */
@InBothModes
class LibraryApiKotlinTest {

    companion object {
        @JvmField
        @RegisterExtension
        val testlet: TestletExtension = TestletExtension.forApp(LibraryApp.app()).perTest()

        private val DUNE = NewBook("978-0441013593", "Dune")
    }

    @Test
    fun a_book_posted_with_the_token_is_read_back_from_its_location(client: TestClient) {
        val created = client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books")
            .expectStatus(201)
            .expectJsonMatching("/id") { it.asInt() > 0 }

        val book = client.given().get(URI.create(created.header("Location")!!).path).expectStatus(200).bodyAs(Book::class.java)

        assertThat(book.title()).isEqualTo("Dune")
    }

    @Test
    fun a_duplicate_isbn_is_answered_by_the_exception_mapper(client: TestClient) {
        val librarian = client.withHeader("Authorization", "Bearer ${LibraryApp.TOKEN}")
        librarian.given().jsonBody(DUNE).post("/api/books").expectStatus(201)

        librarian.given().jsonBody(DUNE).post("/api/books")
            .expectStatus(409)
            .expectJson("/error", "ISBN 978-0441013593 is already on the shelf as book 1")
    }

    @Test
    fun a_wrong_status_expectation_shows_the_filters_401_body(client: TestClient) {
        val failure = assertThrows<AssertionError> {
            client.given().bearerAuth("not-the-token").jsonBody(DUNE).post("/api/books").expectStatus(201)
        }

        assertThat(failure.message)
            .contains("expected status : 201")
            .contains("401")
            .contains("the bearer token is not valid")
    }

    @Test
    fun the_catalogue_ends_after_its_books(client: TestClient) {
        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books").expectStatus(201)

        val events = client.given().sse("/api/books/catalogue").use { it.remainingEvents() }

        assertThat(events.map { it.event() }).containsExactly("book", "end")
        assertThat(events[0].dataAs(Book::class.java)).isEqualTo(Book(1, DUNE.isbn(), DUNE.title()))
        assertThat(events[1].json("/count").asInt()).isEqualTo(1)
    }

    @Test
    fun the_feed_loses_its_subscriber_when_the_stream_is_closed(client: TestClient) {
        client.given().sse("/api/feed").use { feed ->
            client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books").expectStatus(201)

            assertThat(feed.next().dataAs(Book::class.java).isbn()).isEqualTo(DUNE.isbn())
        }

        client.eventually { client.given().get("/api/feed/subscribers").expectJson("/count", 0) }
    }

    @Test
    fun an_export_in_flight_is_awaited_with_the_apps_background_work(client: TestClient) {
        client.given().bearerAuth(LibraryApp.TOKEN).jsonBody(DUNE).post("/api/books").expectStatus(201)
        val export = client.async().given().bearerAuth(LibraryApp.TOKEN).get("/api/books/export")

        client.awaitBackgroundTasks()

        assertThat(export).isDone()
        assertThat(export.join().expectStatus(200).text()).contains("\"Dune\"")
    }
}
