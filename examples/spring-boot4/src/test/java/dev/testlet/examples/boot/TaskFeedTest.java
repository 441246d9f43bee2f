package dev.testlet.examples.boot;

import dev.testlet.TestClient;
import dev.testlet.WebSocketSession;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Spring WebSocket handler in a Boot app, in-process: its greeting, a request and reply, and a
 * message pushed to it when a REST call stores a task.
 */
@InBothModes
class TaskFeedTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(TasksApp.app()).withStartupTimeout(TasksApp.STARTUP);

    @Test
    void greets_with_the_number_of_tasks_and_answers_ping(TestClient client) {
        try (WebSocketSession feed = client.given().websocket("/ws/tasks")) {
            feed.expectJsonMatching("/type", type -> type.asString().equals("hello"))
                    .sendText("ping")
                    .expectText("pong");
        }
    }

    @Test
    void pushes_a_task_created_through_the_api(TestClient client) {
        try (WebSocketSession feed = client.given().websocket("/ws/tasks")) {
            feed.expectJsonMatching("/type", type -> type.asString().equals("hello"));

            long id = client.given().bearerAuth(TasksApp.ALICE).jsonBody(Map.of("title", "Tell everyone"))
                    .post("/api/tasks").expectStatus(201).json("/id").asLong();

            feed.expectJson("", Map.of("type", "created",
                    "task", Map.of("id", id, "title", "Tell everyone", "done", false, "owner", "alice")));
        }
    }

    @Test
    void closes_on_a_message_it_does_not_understand(TestClient client) {
        try (WebSocketSession feed = client.given().websocket("/ws/tasks")) {
            feed.receiveJson();
            feed.sendText("shout").expectClose(1003, "only ping is understood");
        }
    }
}
