package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.WebSocketEndpoints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sessions once open: messages both ways, order, fragments, ping/pong, JSON, concurrency. */
class WebSocketTest {

    TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(WebSocketEndpoints.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    // ---------------------------------------------------------------- text, binary, JSON

    @Test
    void text_goes_both_ways() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("hello").expectText("Echo: hello");
            assertThat(ws.sendText("héllo wörld ✓").receiveText()).isEqualTo("Echo: héllo wörld ✓");
        }
    }

    @Test
    void binary_goes_both_ways_with_every_length_encoding() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            for (int size : new int[] {0, 125, 126, 65_535, 65_536, 300_000}) {
                byte[] bytes = new byte[size];
                for (int i = 0; i < size; i++) {
                    bytes[i] = (byte) (i * 7);
                }
                ws.sendBinary(bytes).expectBinary(bytes);
            }
        }
    }

    @Test
    void json_goes_both_ways_with_the_clients_mapper() {
        record Pong(String type, int id, List<String> tags) {}
        try (WebSocketSession ws = client.given().websocket("/ws/json")) {
            ws.sendJson(Map.of("type", "ping", "id", 7))
                    .expectJson("/type", "pong")
                    .sendJson(Map.of("type", "ping", "id", 9))
                    .expectJson("", Map.of("type", "pong", "id", 9.0, "tags", List.of("a", "b")))
                    .sendJson(Map.of("type", "ping", "id", 11))
                    .expectJsonMatching("/id", "an odd id", id -> id.asInt() % 2 == 1);

            JsonNode pong = ws.sendJson(Map.of("type", "ping", "id", 1)).receiveJson();
            assertThat(pong.get("tags").size()).isEqualTo(2);
            assertThat(ws.sendJson(Map.of("type", "ping", "id", 2)).receiveJson(Pong.class))
                    .isEqualTo(new Pong("pong", 2, List.of("a", "b")));
        }
    }

    @Test
    void receive_message_returns_text_or_binary_as_it_comes() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("a").sendBinary(new byte[] {1, 2});

            WebSocketMessage first = ws.receiveMessage();
            WebSocketMessage second = ws.receiveMessage();

            assertThat(first.isText()).isTrue();
            assertThat(first.text()).isEqualTo("Echo: a");
            assertThat(second.isBinary()).isTrue();
            assertThat(second.bytes()).containsExactly(1, 2);
        }
    }

    @Test
    void expect_text_matching_takes_a_predicate() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("hi").expectTextMatching(text -> text.startsWith("Echo"));
            ws.sendText("hi");
            expectFailure(() -> ws.expectTextMatching("a shout", text -> text.endsWith("!")))
                    .hasFact("expected the next message", "a shout")
                    .hasFact("but was", "a text message \"Echo: hi\"");
        }
    }

    // ---------------------------------------------------------------- order, fragments, early messages

    @Test
    void messages_sent_from_on_open_wait_for_the_test_in_order() {
        try (WebSocketSession ws = client.given().websocket("/ws/welcome")) {
            ws.expectText("welcome").expectText("second");
        }
    }

    @Test
    void a_burst_the_test_has_not_read_yet_is_kept_whole_and_in_order() {
        try (WebSocketSession ws = client.given().queryParam("n", 2000).websocket("/ws/burst")) {
            for (int i = 0; i < 2000; i++) {
                ws.expectText(String.valueOf(i));
            }
            ws.expectNoMessage(Duration.ofMillis(50));
        }
    }

    @Test
    void fragmented_messages_are_joined_both_ways() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendTextFragments("Hel", "lo, ", "wörld").expectText("Echo: Hello, wörld");
            ws.sendBinaryFragments(new byte[] {1}, new byte[] {2, 3}).expectBinary(new byte[] {1, 2, 3});

            ws.sendText("fragments").expectText("Hello");

            assertThat(ws.transcript())
                    .contains("->  text (more follow)")
                    .contains("->  continuation (last)")
                    .contains("<-  text (more follow)")
                    .contains("<-  continuation (last)");
        }
    }

    @Test
    void a_message_larger_than_the_connection_buffer_does_not_deadlock() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            byte[] big = ws.sendText("big 1048576").receiveBinary();

            assertThat(big).hasSize(1_048_576);
            assertThat(big[1000]).isEqualTo((byte) 1000);
        }
    }

    // ---------------------------------------------------------------- ping and pong

    @Test
    void a_ping_from_the_client_is_answered_by_jetty() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendPing("are you there".getBytes(UTF_8)).expectPong("are you there".getBytes(UTF_8));
            ws.sendPing().expectPong();
        }
    }

    @Test
    void a_ping_from_the_server_is_answered_with_a_pong_automatically() {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendText("ping me").expectText("pong: hb");

            assertThat(ws.transcript()).contains("<-  ping").contains("->  pong");
        }
    }

    @Test
    void messages_that_come_before_a_pong_stay_queued() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("first").sendPing(new byte[] {9}).expectPong(new byte[] {9}).expectText("Echo: first");
        }
    }

    @Test
    void an_unsolicited_pong_reaches_the_endpoint() {
        try (WebSocketSession ws = client.given().websocket("/ws/ping")) {
            ws.sendPong("tick".getBytes(UTF_8)).expectText("pong: tick");
        }
    }

    @Test
    void control_frames_are_limited_to_125_bytes() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            assertThatThrownBy(() -> ws.sendPing(new byte[126]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 125 bytes");
        }
    }

    // ---------------------------------------------------------------- many sessions

    @Test
    void two_hundred_chat_clients_on_virtual_threads_each_receive_every_broadcast() throws Exception {
        int clients = 200;
        List<WebSocketSession> sessions = new ArrayList<>();
        try {
            List<CompletableFuture<WebSocketSession>> opening = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                opening.add(client.async().given().websocket("/ws/chat"));
            }
            for (CompletableFuture<WebSocketSession> f : opening) {
                sessions.add(f.get(30, TimeUnit.SECONDS).withTimeout(Duration.ofSeconds(30)));
            }
            for (WebSocketSession ws : sessions) {
                ws.expectText("welcome");   // the server has opened it, so broadcasts reach it
            }

            List<Future<Set<String>>> received = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < clients; i++) {
                    WebSocketSession ws = sessions.get(i);
                    String mine = "from " + i;
                    received.add(threads.submit(() -> {
                        ws.sendText(mine);
                        Set<String> got = new HashSet<>();
                        for (int k = 0; k < clients; k++) {
                            got.add(ws.receiveText());
                        }
                        return got;
                    }));
                }
            }

            Set<String> all = new HashSet<>();
            for (int i = 0; i < clients; i++) {
                all.add("from " + i);
            }
            for (Future<Set<String>> f : received) {
                assertThat(f.get()).isEqualTo(all);
            }
        } finally {
            sessions.forEach(WebSocketSession::close);
        }
    }

    @Test
    void each_session_runs_its_endpoint_off_the_test_thread() {
        try (WebSocketSession a = client.given().websocket("/ws/echo");
             WebSocketSession b = client.given().websocket("/ws/echo")) {
            a.sendText("to a");
            b.sendText("to b");

            b.expectText("Echo: to b");
            a.expectText("Echo: to a");
        }
    }

    @Test
    void a_session_opens_from_the_async_client_too() {
        CompletableFuture<WebSocketSession> opening = client.async().given().websocket("/ws/rooms/{room}", "lobby");

        try (WebSocketSession ws = opening.join()) {
            ws.expectText("room lobby");
        }
    }

    @Test
    void path_templates_are_filled_and_encoded() {
        try (WebSocketSession ws = client.given().websocket("/ws/rooms/{room}", "tea room")) {
            ws.expectText("room tea room");
            assertThat(ws.handshake().exchange().request().target()).isEqualTo("/ws/rooms/tea%20room");
        }
    }

    @Test
    void the_same_sessions_work_against_a_server_on_a_real_port() throws Exception {
        dev.testlet.fixtures.RealServer server = new dev.testlet.fixtures.RealServer(WebSocketEndpoints.builder().build());
        try (TestClient remote = Testlet.connect(server.uri("/"))) {
            try (WebSocketSession ws = remote.given().websocket("/ws/welcome")) {
                ws.expectText("welcome").expectText("second");
            }
            try (WebSocketSession ws = remote.given().websocket("/ws/echo")) {
                ws.sendText("over tcp").expectText("Echo: over tcp");
                ws.sendText("boom").expectClose(1003);
                assertThat(ws.serverException()).as("not visible from outside").isNull();
            }
        } finally {
            server.close();
        }
    }
}
