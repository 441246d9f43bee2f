package dev.testlet.examples.sse

import dev.testlet.ServerSentEvent
import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/** The events app from Kotlin: streams are AutoCloseable, so `use { }` disconnects at the end. */
@InBothModes
class EventsApiKotlinTest {

    companion object {
        @JvmField
        @RegisterExtension
        val testlet: TestletExtension =
            TestletExtension.forApp(EventsApp.builder().initParameter(EventsApp.HEARTBEAT_INTERVAL, "20").build())
    }

    @Test
    fun the_first_heartbeat_has_a_time(client: TestClient) {
        val time = client.given().sse("/heartbeat").use { events ->
            events.expectStatus(200).expectContentType("text/event-stream")
            events.next().json("/time").asString()
        }

        assertThat(time).isNotBlank()
    }

    @Test
    fun the_heartbeat_data_reads_in_one_line(client: TestClient) {
        val data = client.given().sse("/heartbeat").use { it.next().data() }

        assertThat(data).startsWith("{\"time\":")
    }

    @Test
    fun a_job_reports_its_progress_and_ends(client: TestClient) {
        client.given().sse("/jobs/{id}/events", 3).use { events ->
            val percents = events.take(5).map { it.json("/percent").asInt() }
            assertThat(percents).containsExactly(0, 25, 50, 75, 100)

            events.expectEventMatching("the done event") { it.event() == "done" }
                .expectEnd()
        }
    }

    @Test
    fun an_endless_ticker_is_stopped_after_three_events(client: TestClient) {
        client.given().queryParam("everyMs", 1).sse("/ticker").use { ticks ->
            assertThat(ticks.take(3).map(ServerSentEvent::data)).containsExactly("tick 1", "tick 2", "tick 3")
        }

        client.eventually { client.given().get("/ticker/listeners").expectJson("/count", 0) }
    }

    @Test
    fun the_async_api_hands_over_an_open_stream(client: TestClient) {
        client.async().given().sse("/jobs/9/events").join().use { events ->
            val done = events.awaitEvent("the done event") { it.event() == "done" }
            assertThat(done.json("/job").asInt()).isEqualTo(9)
        }
    }

    @Test
    fun a_plain_stream_reads_lines(client: TestClient) {
        client.given().stream("GET", "/jobs/2/events").use { stream ->
            stream.expectStatus(200)
            assertThat(stream.nextLine()).isEqualTo("id: 1")
            assertThat(stream.nextLine()).isEqualTo("event: progress")
        }
    }

    @Test
    fun a_jobs_events_match_their_snapshot(client: TestClient) {
        client.given().sse("/jobs/{id}/events", 3).use { events ->
            events.remainingEvents()

            events.expectSnapshot()
        }
    }
}
