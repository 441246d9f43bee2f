package dev.testlet.examples.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.WebSocketSession;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The echo endpoint, with the app started once for each run of the class (in-process, then served). */
@InBothModes
class EchoTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(RealtimeApp::app);

    @Test
    void echoes_text(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("hello").expectText("Echo: hello");
            ws.sendText("wörld ✓").expectText("Echo: wörld ✓");
        }
    }

    @Test
    void echoes_a_message_sent_in_fragments_as_one(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendTextFragments("hel", "lo").expectText("Echo: hello");
        }
    }

    @Test
    void reads_what_came_with_receive(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            String echo = ws.sendText("42").receiveText();

            assertThat(echo).endsWith("42");
            ws.expectNoMessage(Duration.ofMillis(50));
        }
    }

    @Test
    void answers_pings(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendPing().expectPong();
        }
    }
}
