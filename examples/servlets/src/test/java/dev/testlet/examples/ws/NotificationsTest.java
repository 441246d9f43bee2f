package dev.testlet.examples.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.WebSocketClose;
import dev.testlet.WebSocketSession;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications that need a token: pushed over WebSocket when the app is told so over HTTP. The hub
 * remembers who is connected, so every test gets a fresh app.
 */
@InBothModes
class NotificationsTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(RealtimeApp::app).perTest();

    @Test
    void a_wrong_token_is_accepted_then_closed_with_1008(TestClient client) {
        try (WebSocketSession ws = client.given().queryParam("token", "stolen").websocket("/ws/notifications")) {
            ws.expectClose(1008, "invalid token");

            assertThat(ws.closeStatus()).isEqualTo(new WebSocketClose(1008, "invalid token"));
        }
    }

    @Test
    void no_token_is_closed_with_1008_too(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/ws/notifications")) {
            ws.expectClose(1008);
        }
    }

    @Test
    void a_valid_token_is_greeted_and_gets_the_users_notifications(TestClient client) {
        try (WebSocketSession alice = client.given().queryParam("token", RealtimeApp.ALICE_TOKEN).websocket("/ws/notifications");
             WebSocketSession bob = client.given().queryParam("token", RealtimeApp.BOB_TOKEN).websocket("/ws/notifications")) {
            alice.expectJson("", Map.of("type", "hello", "user", "alice"));
            bob.expectJson("/user", "bob");

            client.given().jsonBody(Map.of("text", "your order shipped")).post("/notify/alice")
                    .expectStatus(202)
                    .expectJson("/reached", 1);

            alice.expectJson("", Map.of("type", "notification", "text", "your order shipped"));
            bob.expectNoMessage(Duration.ofMillis(100));
        }
    }

    @Test
    void a_user_who_left_is_not_reached(TestClient client) {
        WebSocketSession alice = client.given().queryParam("token", RealtimeApp.ALICE_TOKEN).websocket("/ws/notifications");
        alice.expectJson("/type", "hello");
        alice.close();

        client.given().jsonBody(Map.of("text", "anyone?")).post("/notify/alice").expectJson("/reached", 0);
    }
}
