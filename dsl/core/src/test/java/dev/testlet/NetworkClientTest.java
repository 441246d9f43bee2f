package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.RealServer;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same DSL against the same app on a real port, through Testlet.connect. */
class NetworkClientTest {

    static RealServer server;
    static TestClient client;

    @BeforeAll
    static void start() {
        server = new RealServer(TestApps.builder().contextPath("/shop")
                .servlet("/ticks", new StreamingApps.SseTicker(new LinkedBlockingQueue<>())).build());
        client = Testlet.connect(server.uri("/shop"));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void requests_go_over_the_socket_relative_to_the_base_path() {
        client.given().queryParam("q", "zoë").get("/echo/x")
                .expectStatus(200)
                .expectJson("/path", "/shop/echo/x")
                .expectJson("/params/q/0", "zoë");
    }

    @Test
    void cookies_sessions_and_redirects_work_over_the_network_too() {
        client.given().get("/session").expectJson("/count", 1);
        client.given().get("/session").expectJson("/count", 2);
        client.given().queryParam("to", "/shop/echo/landed").get("/redirect").expectJson("/path", "/shop/echo/landed");
    }

    @Test
    void event_streams_work_over_the_network_too() {
        try (EventStream events = client.given().sse("/ticks")) {
            events.expectStatus(200).expectContentType("text/event-stream");

            assertThat(events.take(3)).extracting(ServerSentEvent::id).containsExactly("1", "2", "3");
        }
        try (StreamingResponse s = client.given().queryParam("count", 2).stream("GET", "/ticks")) {
            assertThat(s.remainingText()).contains("id: 2\nevent: tick");
        }
    }

    @Test
    void a_remote_500_is_a_response_because_the_exception_is_not_visible_from_outside() {
        client.given().get("/boom").expectStatus(500);
    }

    @Test
    void keep_alive_connections_are_reused_and_large_bodies_pass() {
        for (int i = 0; i < 200; i++) {
            client.given().get("/json").expectJson("/id", 3);
        }
        assertThat(client.given().get("/bytes").bytes()).hasSize(256);
    }

    @Test
    void a_timeout_over_the_network_says_what_was_awaited() {
        expectFailure(() -> client.withTimeout(Duration.ofMillis(200)).given().queryParam("ms", 1_000).get("/slow"))
                .hasFact("timed out after", "200ms")
                .hasFactContaining("waiting for", "the response to GET /shop/slow?ms=1000 from http://127.0.0.1:");
    }

    @Test
    void the_curl_line_points_at_the_real_server() {
        expectFailure(() -> client.given().get("/status/404").expectStatus(200))
                .mentions("curl -X GET 'http://127.0.0.1:");
    }

    @Test
    void an_unreachable_server_fails_with_a_hint() {
        try (TestClient nowhere = Testlet.connect(URI.create("http://127.0.0.1:1"))) {
            expectFailure(() -> nowhere.given().get("/x"))
                    .hasFactContaining("but", "could not connect to http://127.0.0.1:1")
                    .hasFactContaining("but", "(is the server running?)");
        }
    }

    @Test
    void a_url_that_is_not_http_is_refused() {
        assertThatThrownBy(() -> Testlet.connect("ftp://example.org"))
                .hasMessage("'ftp://example.org' is not an http or https URL; pass a base URL such as"
                        + " http://localhost:8080 or https://staging.example.org/api");
    }
}
