package dev.testlet.examples.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.AttributeOverride;
import dev.testlet.EventStream;
import dev.testlet.ServerSentEvent;
import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The events app through the public DSL: streams read as the server flushes them, in-process and over TCP. */
@InBothModes
class EventsApiTest {

    record Progress(int job, int percent) {}

    @RegisterExtension
    static TestletExtension testlet =
            TestletExtension.forApp(EventsApp.builder().initParameter(EventsApp.HEARTBEAT_INTERVAL, "20").build());

    @Test
    void the_heartbeat_sends_the_time_as_json(TestClient client) {
        try (EventStream events = client.given().sse("/heartbeat")) {
            events.expectStatus(200)
                    .expectContentType("text/event-stream")
                    .expectHeader("Cache-Control", "no-cache");

            ServerSentEvent first = events.next();

            assertThat(first.event()).isEqualTo("heartbeat");
            assertThat(first.json().has("time")).isTrue();
            assertThat(Instant.parse(first.json("/time").asString())).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void the_heartbeat_reads_the_clock_the_test_puts_in(TestClient client) {
        Instant noon = Instant.parse("2026-06-01T12:00:00Z");
        try (AttributeOverride fixed = client.override(EventsApp.CLOCK, Clock.fixed(noon, ZoneOffset.UTC));
                EventStream events = client.given().sse("/heartbeat")) {
            events.expectJson("", Map.of("time", "2026-06-01T12:00:00Z"))
                    .expectJson("/time", "2026-06-01T12:00:00Z");
        }
    }

    @Test
    void a_job_reports_its_progress_and_the_stream_ends(TestClient client) {
        try (EventStream events = client.given().sse("/jobs/{id}/events", 7)) {
            List<ServerSentEvent> progress = events.take(5);
            assertThat(progress).extracting(e -> e.dataAs(Progress.class))
                    .containsExactly(new Progress(7, 0), new Progress(7, 25), new Progress(7, 50), new Progress(7, 75),
                            new Progress(7, 100));

            events.expectEvent("done", "{\"job\":7,\"status\":\"succeeded\"}")
                    .expectEnd();
        }
    }

    @Test
    void a_job_stream_resumes_after_the_last_event_id(TestClient client) {
        EventStream events = client.given().sse("/jobs/7/events");
        events.take(2);

        try (EventStream resumed = events.reconnect()) {
            assertThat(resumed.remainingEvents())
                    .extracting(ServerSentEvent::id)
                    .containsExactly("3", "4", "5", "6");
        }
        try (EventStream late = client.given().lastEventId("5").sse("/jobs/7/events")) {
            late.expectEventMatching("the done event", e -> e.event().equals("done")).expectEnd();
        }
    }

    @Test
    void an_endless_ticker_is_stopped_after_three_events_and_the_server_notices(TestClient client) {
        try (EventStream ticks = client.given().queryParam("everyMs", 1).sse("/ticker")) {
            assertThat(ticks.take(3)).extracting(ServerSentEvent::data).containsExactly("tick 1", "tick 2", "tick 3");
            assertThat(ticks.reconnectionTime()).isEqualTo(Duration.ofSeconds(1));
        }

        client.eventually(() -> client.given().get("/ticker/listeners").expectJson("/count", 0));
    }

    @Test
    void waiting_for_the_done_event_skips_the_progress(TestClient client) {
        try (EventStream events = client.given().queryParam("stepMs", 5).sse("/jobs/1/events")) {
            ServerSentEvent done = events.awaitEvent("the done event", e -> e.event().equals("done"));

            assertThat(done.json("/status").asString()).isEqualTo("succeeded");
        }
    }

    @Test
    void a_jobs_events_match_their_snapshot(TestClient client) {
        try (EventStream events = client.given().sse("/jobs/{id}/events", 7)) {
            events.remainingEvents();   // reads to the end of the stream

            events.expectSnapshot();    // every event read so far: its name, id and data
        }
    }
}
