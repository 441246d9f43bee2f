package dev.testlet.examples.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.WebSocketSession;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON ping/pong protocol. */
class PingPongTest {

    record Ping(String type, long id) {}

    record Pong(String type, long id) {}

    private TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(RealtimeApp.app());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void a_ping_gets_a_pong_with_the_same_id() {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendJson(Map.of("type", "ping", "id", 1)).expectJson("", Map.of("type", "pong", "id", 1));
            ws.sendJson(new Ping("ping", 2)).expectJson("/id", 2);
        }
    }

    @Test
    void pongs_read_as_records() {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            Pong pong = ws.sendJson(new Ping("ping", 7)).receiveJson(Pong.class);

            assertThat(pong).isEqualTo(new Pong("pong", 7));
        }
    }

    @Test
    void an_unknown_type_is_an_error_message_and_the_session_stays_open() {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendJson(Map.of("type", "pong"))
                    .expectJson("/type", "error");
            ws.sendText("not json")
                    .expectJsonMatching("/message", "a complaint", m -> m.asString().contains("JSON"));
            ws.sendJson(Map.of("type", "ping", "id", 3)).expectJson("/type", "pong");
            assertThat(ws.isOpen()).isTrue();
        }
    }
}
