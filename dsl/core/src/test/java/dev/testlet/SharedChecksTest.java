package dev.testlet;

import static dev.testlet.Failures.expectFailure;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import dev.testlet.fixtures.WebSocketEndpoints;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The checks on a status line and headers are one implementation: a response, a live stream, a live
 * event stream and a WebSocket session's handshake fail with the same words.
 */
class SharedChecksTest {

    TestClient client;

    @BeforeEach
    void start() {
        ServletApp app = TestApps.builder()
                .servlet("/ticks", new StreamingApps.SseTicker(new LinkedBlockingQueue<>()))
                .websocket(WebSocketEndpoints.Echo.class)
                .build();
        client = Testlet.start(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void a_response_a_stream_an_event_stream_and_a_session_share_the_header_checks_and_their_words() {
        Response response = client.given().get("/ticks?count=1");
        try (StreamingResponse stream = client.given().stream("GET", "/ticks?count=1");
                EventStream events = client.given().sse("/ticks?count=1");
                WebSocketSession ws = client.given().websocket("/ws/echo")) {
            for (ResponseHead<?> head : java.util.List.of(response, stream, events)) {
                expectFailure(() -> head.expectHeader("Cache-Control", "no-store"))
                        .hasFact("expected header Cache-Control", "no-store")
                        .hasFact("but", "it was no-cache")
                        .hasFact("request", "GET /ticks?count=1");
                expectFailure(() -> head.expectNoHeader("Cache-Control"))
                        .hasFact("expected", "no Cache-Control header")
                        .hasFact("but was", "no-cache");
                expectFailure(() -> head.expectHeaderMatching("Cache-Control", v -> v.startsWith("max-age")))
                        .hasFact("expected header Cache-Control", "a value matching the predicate");
                expectFailure(() -> head.expectContentType("application/json"))
                        .hasFact("expected content type", "application/json")
                        .hasFact("but was", "text/event-stream;charset=utf-8");
                expectFailure(() -> head.expectStatus(204)).hasFact("expected status", "204").hasFact("but was", "200 OK");
                head.expectStatus(200).expectHeader("Cache-Control", "no-cache").expectContentType("text/event-stream");
            }
            ws.expectStatus(101).expectHeader("Upgrade", "websocket").expectNoHeader("Sec-WebSocket-Extensions");
            expectFailure(() -> ws.expectNoHeader("Upgrade"))
                    .hasFact("expected", "no Upgrade header")
                    .hasFact("but was", "websocket")
                    .hasFact("session", "GET /ws/echo, open");
        }
    }

    @Test
    void predicates_without_a_description_work_on_every_live_type() {
        try (EventStream events = client.given().sse("/ticks?count=3");
                StreamingResponse lines = client.given().stream("GET", "/ticks?count=3")) {
            events.expectEventMatching(e -> e.event().equals("tick"))
                    .expectJsonMatching("/n", n -> n.asInt() == 2);
            expectFailure(() -> events.expectJsonMatching("/n", n -> n.asInt() == 99))
                    .hasFact("expected JSON at /n of the next event", "a value matching the predicate")
                    .hasFact("but was", "3");
            lines.expectLineMatching(line -> line.startsWith("id: "));
            expectFailure(() -> lines.expectLineMatching(line -> line.equals("nope")))
                    .hasFact("expected the next line", "a line matching the predicate")
                    .hasFact("but was", "\"event: tick\"");
        }
    }
}
