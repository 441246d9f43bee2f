package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.WebSocketEndpoints;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The upgrade request: what it carries, what the 101 must say, and refusals as typed outcomes. */
class WebSocketHandshakeTest {

    TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(WebSocketEndpoints.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    // ---------------------------------------------------------------- what the handshake carries

    @Test
    void headers_cookies_and_query_parameters_of_the_spec_reach_the_endpoint() {
        try (WebSocketSession ws = client.given()
                .header("X-Trace", "t-1")
                .cookie("theme", "dark")
                .queryParam("room", "a b")
                .websocket("/ws/handshake")) {
            ws.expectJson("", Map.of("trace", "t-1", "cookie", "theme=dark", "query", "room=a b"));
        }
    }

    @Test
    void the_clients_default_headers_and_cookie_jar_go_on_the_handshake_and_its_cookies_come_back() {
        TestClient traced = client.withHeader("X-Trace", "default").withCookie("lang", "fr");

        try (WebSocketSession ws = traced.given().websocket("/ws/handshake")) {
            JsonNode seen = ws.receiveJson();
            assertThat(seen.get("trace").asString()).isEqualTo("default");
            assertThat(seen.get("cookie").asString()).contains("lang=fr");
            ws.handshake().expectStatus(101).expectHeader("X-Handshake", "seen");
        }
        assertThat(client.cookies()).containsEntry("ws-visit", "1");
        try (WebSocketSession ws = client.given().websocket("/ws/handshake")) {
            ws.expectJsonMatching("/cookie", "the cookie the 101 set", c -> c.asString().contains("ws-visit=1"));
        }
    }

    @Test
    void a_subprotocol_is_requested_with_the_header_and_the_chosen_one_read() {
        try (WebSocketSession ws = client.given().header("Sec-WebSocket-Protocol", "v1.chat, v9.chat")
                .websocket("/ws/protocols")) {
            assertThat(ws.subprotocol()).isEqualTo("v1.chat");
            ws.expectText("speaking v1.chat");
        }
        try (WebSocketSession ws = client.given().websocket("/ws/protocols")) {
            assertThat(ws.subprotocol()).isNull();
        }
    }

    @Test
    void the_handshake_is_a_real_upgrade_checked_against_rfc_6455() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            Response handshake = ws.handshake();
            handshake.expectStatus(101).expectHeader("Upgrade", "websocket");
            String key = handshake.exchange().request().headers().first("Sec-WebSocket-Key");
            assertThat(handshake.header("Sec-WebSocket-Accept"))
                    .isEqualTo(dev.testlet.internal.WebSocketFrames.acceptFor(key));
            assertThat(handshake.exchange().request().headers().first("Sec-WebSocket-Version")).isEqualTo("13");
        }
    }

    @Test
    void the_spec_timeout_is_the_sessions_timeout() {
        try (WebSocketSession ws = client.given().timeout(Duration.ofMillis(150)).websocket("/ws/echo")) {
            assertThat(ws.timeout()).isEqualTo(Duration.ofMillis(150));
            assertThat(ws.withTimeout(Duration.ofSeconds(3)).timeout()).isEqualTo(Duration.ofSeconds(3));
        }
        try (WebSocketSession ws = client.withTimeout(Duration.ofSeconds(4)).given().websocket("/ws/echo")) {
            assertThat(ws.timeout()).isEqualTo(Duration.ofSeconds(4));
        }
    }

    @Test
    void a_handshake_cannot_carry_a_body() {
        assertThatThrownBy(() -> client.given().body("x", "text/plain").websocket("/ws/echo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a WebSocket handshake has no body")
                .hasMessageContaining("ws.sendText");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void no_endpoint_is_a_404_refusal_with_the_response() {
        WebSocketHandshakeException e = catchThrowableOfType(WebSocketHandshakeException.class,
                () -> client.given().websocket("/ws/nowhere"));

        e.response().expectStatus(404);
        expectFailure(() -> {
            throw new AssertionError(e.getMessage(), e);
        }).hasFact("expected", "101 Switching Protocols to a WebSocket handshake")
                .hasFact("but was", "404 Not Found")
                .hasFact("request", "GET /ws/nowhere");
    }

    @Test
    void a_filter_refuses_the_handshake_with_403_when_jettys_upgrade_filter_is_mapped_after_it() {
        ServletApp app = ServletApp.builder()
                .websocket(WebSocketEndpoints.Admin.class)
                .filter("/ws/admin/*", new WebSocketEndpoints.Deny())
                .filter("/*", WebSocketUpgradeFilter.class)
                .build();
        try (TestClient guarded = Testlet.start(app)) {
            WebSocketHandshakeException e = catchThrowableOfType(WebSocketHandshakeException.class,
                    () -> guarded.given().websocket("/ws/admin/panel"));

            e.response().expectStatus(403).expectBodyContains("admins only");
        }
    }

    @Test
    void by_default_jetty_upgrades_before_the_apps_filters_run_as_it_does_in_production() {
        ServletApp app = ServletApp.builder()
                .websocket(WebSocketEndpoints.Admin.class)
                .filter("/ws/admin/*", new WebSocketEndpoints.Deny())
                .build();
        try (TestClient unguarded = Testlet.start(app);
             WebSocketSession ws = unguarded.given().websocket("/ws/admin/panel")) {
            ws.sendText("in anyway").expectText("admin: in anyway");
        }
    }

    @Test
    void an_origin_check_that_fails_is_a_403_refusal() {
        ServletApp app = ServletApp.builder().websocket(WebSocketEndpoints.originChecked("/ws/checked")).build();
        try (TestClient checked = Testlet.start(app)) {
            WebSocketHandshakeException e = catchThrowableOfType(WebSocketHandshakeException.class,
                    () -> checked.given().header("Origin", "https://evil.example").websocket("/ws/checked"));
            e.response().expectStatus(403);

            try (WebSocketSession ws = checked.given().header("Origin", "https://trusted.example").websocket("/ws/checked")) {
                ws.sendText("hi").expectText("recorded hi");
            }
        }
    }

    @Test
    void an_endpoint_that_accepts_and_then_closes_with_1008_is_not_a_refusal() {
        try (WebSocketSession ws = client.given().queryParam("token", "wrong").websocket("/ws/secure")) {
            ws.handshake().expectStatus(101);
            ws.expectClose(1008, "bad token");
            assertThat(ws.closeStatus()).isEqualTo(new WebSocketClose(1008, "bad token"));
            assertThat(ws.closeStatus().toString()).isEqualTo("1008 Policy Violation \"bad token\"");
            assertThat(ws.isOpen()).isFalse();
        }
        try (WebSocketSession ws = client.given().queryParam("token", "secret").websocket("/ws/secure")) {
            ws.expectText("hello, token holder");
            assertThat(ws.isOpen()).isTrue();
        }
    }

    @Test
    void a_refused_handshake_from_the_async_client_fails_its_future() {
        assertThat(client.async().given().websocket("/ws/nowhere"))
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(WebSocketHandshakeException.class);
    }
}
