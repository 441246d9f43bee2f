package dev.testlet.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.EventStream;
import dev.testlet.ServerSentEvent;
import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spring's {@code SseEmitter} in a Boot app, read as the server flushes each event: a stream that
 * ends by itself, and one that runs until the test disconnects.
 */
@InBothModes
class TaskEventsTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(TasksApp.app()).withStartupTimeout(TasksApp.STARTUP);

    @Test
    void a_tasks_progress_streams_then_ends(TestClient client) {
        try (EventStream events = client.given().sse("/api/tasks/{id}/progress", 2)) {
            events.expectStatus(200).expectContentType("text/event-stream");

            events.expectJson("", Map.of("task", 2, "percent", 0))
                    .expectJson("/percent", 50)
                    .expectJson("/percent", 100);
            ServerSentEvent done = events.next();

            assertThat(done.event()).isEqualTo("done");
            assertThat(done.id()).isEqualTo("4");
            assertThat(done.dataAs(Task.class)).isEqualTo(new Task(2, "Ship 1.0", false, "admin"));
            events.expectEnd();
        }
    }

    @Test
    void the_progress_of_a_missing_task_is_a_404_before_any_event(TestClient client) {
        client.given().accept("text/event-stream").get("/api/tasks/{id}/progress", 999)
                .expectStatus(404);
    }

    @Test
    void an_endless_clock_stops_when_the_client_disconnects(TestClient client) {
        try (EventStream ticks = client.given().queryParam("everyMs", 5).sse("/api/clock")) {
            assertThat(ticks.take(3)).extracting(ServerSentEvent::data).containsExactly("tick 1", "tick 2", "tick 3");
            client.given().get("/api/clock/listeners").expectJson("/count", 1);
        }

        // The server learns of the disconnect at its next send, a few milliseconds later.
        client.eventually(() -> client.given().get("/api/clock/listeners").expectJson("/count", 0));
    }
}
