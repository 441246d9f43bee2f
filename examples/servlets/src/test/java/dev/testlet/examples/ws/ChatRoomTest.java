package dev.testlet.examples.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.WebSocketSession;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A broadcast chat room: every member gets every message of their room, and no other. The app is shared
 * by the class's tests, so each test talks in rooms of its own.
 */
@InBothModes
class ChatRoomTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(RealtimeApp::app);

    private static WebSocketSession join(TestClient client, String room, String user) {
        WebSocketSession ws = client.given().queryParam("user", user).websocket("/ws/chat/{room}", room);
        ws.expectJson("", Map.of("type", "welcome", "room", room));
        return ws;
    }

    @Test
    void a_message_reaches_everyone_in_the_room_and_nobody_else(TestClient client) {
        try (WebSocketSession alice = join(client, "lobby", "alice");
             WebSocketSession bob = join(client, "lobby", "bob");
             WebSocketSession carol = join(client, "kitchen", "carol")) {
            alice.sendText("hi all");

            Map<String, String> expected = Map.of("type", "message", "from", "alice", "text", "hi all");
            alice.expectJson("", expected);
            bob.expectJson("", expected);
            carol.expectNoMessage(Duration.ofMillis(100));
        }
    }

    @Test
    void fifty_members_talking_at_once_each_hear_everything(TestClient client) throws Exception {
        int members = 50;
        List<WebSocketSession> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                sessions.add(join(client, "crowd", "member-" + i));
            }
            List<Future<Set<String>>> heard = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (WebSocketSession ws : sessions) {
                    heard.add(threads.submit(() -> {
                        ws.sendText("hello from " + sessions.indexOf(ws));
                        Set<String> texts = new HashSet<>();
                        for (int k = 0; k < members; k++) {
                            texts.add(ws.receiveJson().get("text").asString());
                        }
                        return texts;
                    }));
                }
            }
            for (Future<Set<String>> f : heard) {
                assertThat(f.get()).hasSize(members).contains("hello from 0", "hello from 49");
            }
        } finally {
            sessions.forEach(WebSocketSession::close);
        }
    }
}
