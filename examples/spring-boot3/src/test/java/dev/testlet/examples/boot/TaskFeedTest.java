package dev.testlet.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
    void answers_ping_sent_as_json(TestClient client) {
        try (WebSocketSession feed = client.given().websocket("/ws/tasks")) {
            feed.receiveJson();
            feed.sendJson(Map.of("type", "ping")).expectText("pong");
        }
    }

    @Test
    void an_exception_in_the_handler_closes_with_1011(TestClient client) {
        try (WebSocketSession feed = client.given().websocket("/ws/tasks")) {
            feed.receiveJson();
            feed.sendText("{\"type\": ping}").expectClose(1011);
        }
    }

    /**
     * Spring catches what a handler throws, logs it and closes the session; Testlet keeps that log line
     * with the session, so a failing expectation shows the exception.
     */
    @Test
    void what_the_handler_threw_is_in_the_failure_of_the_next_expectation(TestClient client) {
        try (WebSocketSession feed = client.given().websocket("/ws/tasks")) {
            feed.receiveJson();
            feed.sendText("{\"type\": ping}");

            AssertionError failure = catchThrowableOfType(AssertionError.class, () -> feed.expectText("pong"));

            assertThat(failure).hasMessageContaining("the server closed the session: 1011 Internal Server Error")
                    .hasMessageContaining("--- server log of this session ---")
                    .hasMessageContaining("Closing session due to exception for StandardWebSocketSession")
                    .hasMessageContaining("com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'ping'");
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
