package dev.testlet.examples.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.WebSocketSession;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON ping/pong protocol, in-process and over TCP. */
@InBothModes
class PingPongTest {

    record Ping(String type, long id) {}

    record Pong(String type, long id) {}

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(RealtimeApp::app);

    @Test
    void a_ping_gets_a_pong_with_the_same_id(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendJson(Map.of("type", "ping", "id", 1)).expectJson("", Map.of("type", "pong", "id", 1));
            ws.sendJson(new Ping("ping", 2)).expectJson("/id", 2);
        }
    }

    @Test
    void pongs_read_as_records(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            Pong pong = ws.sendJson(new Ping("ping", 7)).receiveJson(Pong.class);

            assertThat(pong).isEqualTo(new Pong("pong", 7));
        }
    }

    @Test
    void an_unknown_type_is_an_error_message_and_the_session_stays_open(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendJson(Map.of("type", "pong"))
                    .expectJson("/type", "error");
            ws.sendText("not json")
                    .expectJsonMatching("/message", "a complaint", m -> m.asString().contains("JSON"));
            ws.sendJson(Map.of("type", "ping", "id", 3)).expectJson("/type", "pong");
            assertThat(ws.isOpen()).isTrue();
        }
    }

    @Test
    void a_conversation_matches_its_snapshot(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendJson(new Ping("ping", 1)).expectJson("/type", "pong");
            ws.sendText("not json").expectJson("/type", "error");
            ws.sendJson(new Ping("ping", 2)).expectJson("/id", 2);

            ws.expectSnapshot();   // what the test sent and received, in order
        }
    }
}
