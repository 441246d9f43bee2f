package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.CapturedLog;
import dev.testlet.fixtures.WebSocketEndpoints;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a test learns when things go wrong: closes, endpoint exceptions, timeouts, forgotten sessions. */
class WebSocketFailureTest {

    TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(WebSocketEndpoints.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    // ---------------------------------------------------------------- failed expectations print the transcript

    @Test
    void expect_text_fails_with_what_came_and_the_transcript() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("hi");

            expectFailure(() -> ws.expectText("Echo: ho"))
                    .hasFact("expected the next message", "a text message \"Echo: ho\"")
                    .hasFact("but was", "a text message \"Echo: hi\"")
                    .hasFact("session", "GET /ws/echo, open")
                    .mentions("--- handshake ---\nGET /ws/echo HTTP/1.1")
                    .mentions("--- WebSocket transcript: GET /ws/echo (1 frame sent, 1 received) ---")
                    .mentions("->  text     2 B  \"hi\"")
                    .mentions("<-  text     8 B  \"Echo: hi\"");
        }
    }

    @Test
    void a_message_over_the_message_limit_fails_the_session_with_1009_naming_the_limit() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("big 17000000");

            expectFailure(ws::receiveBinary)
                    .mentions("a WebSocket message from the server exceeds the limit of 16 MiB (16,777,216 bytes)")
                    .mentions("client.withLimits(client.limits().withMaxMessageBytes(64 * 1024 * 1024))");
        }
    }

    @Test
    void expect_json_fails_with_the_value_found_and_the_message() {
        try (WebSocketSession ws = client.given().websocket("/ws/json")) {
            ws.sendJson(java.util.Map.of("type", "ping", "id", 3));

            expectFailure(() -> ws.expectJson("/id", 4))
                    .hasFact("expected JSON at /id of the next message", "4")
                    .hasFact("but was", "3")
                    .hasFact("message", "{\"type\":\"pong\",\"id\":3,\"tags\":[\"a\",\"b\"]}");
        }
    }

    @Test
    void a_message_that_is_not_json_fails_a_json_expectation() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("plain");

            expectFailure(() -> ws.expectJson("/type", "pong"))
                    .hasFact("expected", "a JSON message, for expectJson(\"/type\", ...)")
                    .hasFactContaining("but", "it is not JSON")
                    .hasFact("message", "a text message \"Echo: plain\"");
        }
    }

    @Test
    void two_json_expectations_read_two_messages_and_the_timeout_says_so() {
        try (WebSocketSession ws = client.given().websocket("/ws/json").withTimeout(Duration.ofMillis(100))) {
            ws.sendJson(java.util.Map.of("type", "ping", "id", 1)).expectJson("/type", "pong");

            expectFailure(() -> ws.expectJson("/id", 1))
                    .hasFact("waiting for", "a JSON message with /id = 1")
                    .hasFactContaining("note", "reads the next message");
        }
    }

    @Test
    void expect_binary_and_receive_text_fail_on_the_other_kind() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("hi");
            expectFailure(() -> ws.expectBinary(new byte[] {1}))
                    .hasFact("expected", "binary message of 1 bytes 0x01")
                    .hasFact("but was", "a text message \"Echo: hi\"");
            ws.sendBinary(new byte[] {1, 2});
            expectFailure(ws::receiveText)
                    .hasFact("expected", "a text message, for receiveText()")
                    .hasFact("but was", "a binary message of 2 bytes 0x01 02");
        }
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void a_receive_times_out_with_what_was_awaited_and_the_transcript() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo").withTimeout(Duration.ofMillis(150))) {
            ws.sendText("hi").expectText("Echo: hi");

            long start = System.nanoTime();
            expectFailure(() -> ws.expectText("never"))
                    .hasFact("timed out after", "150ms")
                    .hasFact("waiting for", "text message \"never\"")
                    .hasFact("received", "nothing in that time; 1 message read before (see the transcript)")
                    .hasFact("endpoint thread", "none is inside the endpoint now")
                    .hasFactContaining("to wait longer", "ws.withTimeout(Duration)")
                    .mentions("<-  text     8 B  \"Echo: hi\"");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void an_endpoint_that_blocks_never_blocks_the_test_and_the_timeout_shows_where_it_is() throws Exception {
        WebSocketEndpoints.Recorder recorder = new WebSocketEndpoints.Recorder(1);
        ServletApp app = ServletApp.builder().websocket(recorder.config("/ws/recorded")).build();
        try (TestClient blocking = Testlet.start(app)) {
            WebSocketSession ws = blocking.given().timeout(Duration.ofMillis(200)).websocket("/ws/recorded");

            long start = System.nanoTime();
            ws.sendText("block");   // returns at once: the endpoint runs on the session's writer thread
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

            expectFailure(ws::receiveText)
                    .hasFact("timed out after", "200ms")
                    .hasFactContaining("endpoint thread", "CountDownLatch.await")
                    .hasFactContaining("endpoint thread", "RecordingEndpoint")
                    .doesNotMention("\"" + Thread.currentThread().getName() + "\"");

            recorder.release();
            ws.expectText("recorded block");
            ws.close();
        }
    }

    @Test
    void expect_no_message_passes_on_silence_and_fails_on_a_message() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.expectNoMessage(Duration.ofMillis(50));
            ws.sendText("hi");
            expectFailure(() -> ws.expectNoMessage(Duration.ofMillis(500)))
                    .hasFact("expected", "no message within 500ms")
                    .hasFact("but received", "a text message \"Echo: hi\"");
        }
    }

    // ---------------------------------------------------------------- closes

    @Test
    void expect_close_checks_the_code_and_the_reason() {
        try (WebSocketSession ws = client.given().websocket("/ws/secure")) {
            expectFailure(() -> ws.expectClose(1000))
                    .hasFact("expected close", "1000 Normal Closure")
                    .hasFact("but was", "1008 Policy Violation \"bad token\"");
        }
        try (WebSocketSession ws = client.given().websocket("/ws/secure")) {
            expectFailure(() -> ws.expectClose(1008, "expired token"))
                    .hasFact("expected close", "1008 Policy Violation \"expired token\"")
                    .hasFact("but was", "1008 Policy Violation \"bad token\"");
        }
    }

    @Test
    void expect_close_fails_when_a_message_comes_first() {
        try (WebSocketSession ws = client.given().websocket("/ws/welcome")) {
            expectFailure(() -> ws.expectClose(1000))
                    .hasFact("expected", "the server to close the session with 1000 Normal Closure")
                    .hasFact("but", "the server sent a text message \"welcome\" first");
        }
    }

    @Test
    void a_normal_close_by_the_server_is_visible_and_later_sends_say_so() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("bye").expectClose(1000, "bye");

            assertThat(ws.isOpen()).isFalse();
            expectFailure(() -> ws.sendText("anyone?"))
                    .hasFact("expected", "to send a text message")
                    .hasFact("but", "the server closed the session: 1000 Normal Closure \"bye\"");
            expectFailure(ws::receiveText)
                    .hasFact("but", "the server closed the session: 1000 Normal Closure \"bye\"");
        }
    }

    @Test
    void the_client_closes_with_1000_or_a_code_of_its_own_and_the_endpoint_sees_it() throws Exception {
        WebSocketEndpoints.Recorder recorder = new WebSocketEndpoints.Recorder(2);
        try (TestClient recorded = Testlet.start(ServletApp.builder().websocket(recorder.config("/ws/recorded")).build())) {
            WebSocketSession first = recorded.given().websocket("/ws/recorded");
            first.sendText("a").expectText("recorded a");
            first.close();
            first.close();   // idempotent
            recorded.given().websocket("/ws/recorded").close(4001, "done here");

            assertThat(recorder.awaitCloses()).isTrue();
            assertThat(recorder.closes()).extracting(CloseReason::getCloseCode).extracting(CloseReason.CloseCode::getCode)
                    .containsExactly(1000, 4001);
            assertThat(recorder.closes().get(1).getReasonPhrase()).isEqualTo("done here");
            assertThatThrownBy(() -> first.sendText("again"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the test closed this session");
            assertThatThrownBy(() -> first.close(1005, ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("may not be sent");
        }
    }

    // ---------------------------------------------------------------- exceptions in the endpoint

    @Test
    void an_exception_in_on_message_reaches_the_next_receive_with_the_close_code() {
        try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
            ws.sendText("boom");

            AssertionError error = expectFailure(() -> ws.expectText("Echo: boom"))
                    .hasFact("but", "the server closed the session: 1003 Unsupported Data \"Endpoint notification error\"")
                    .hasFact("the endpoint threw", "java.lang.IllegalStateException: boom from the endpoint")
                    .mentions("--- server exception (thrown by the endpoint) ---\njava.lang.IllegalStateException: boom from the endpoint\n"
                            + "\tat dev.testlet.fixtures.WebSocketEndpoints$Echo.onText(")
                    .mentions("frames of Jetty below the endpoint")
                    .error();
            assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom from the endpoint");
        }
    }

    @Test
    void an_exception_the_test_asserts_with_expect_close_is_available_and_not_reported_again() {
        WebSocketSession ws = client.given().websocket("/ws/echo");
        ws.sendText("boom").expectClose(1003);

        assertThat(ws.serverException()).isInstanceOf(IllegalStateException.class).hasMessage("boom from the endpoint");
        ws.close();
    }

    @Test
    void an_exception_the_test_never_read_fails_the_close_so_it_is_not_lost() {
        WebSocketSession ws = client.given().websocket("/ws/echo");
        ws.sendText("boom");

        AssertionError error = expectFailure(ws::close)
                .hasFact("but", "the endpoint threw, and the test did not read the session after that")
                .hasFact("the endpoint threw", "java.lang.IllegalStateException: boom from the endpoint")
                .error();
        assertThat(error.getCause()).hasMessage("boom from the endpoint");
    }

    @Test
    void a_client_returning_server_exceptions_as_responses_does_not_fail_the_close() {
        WebSocketSession ws = client.withServerExceptionsAsResponses().given().websocket("/ws/echo");
        ws.sendText("boom");

        ws.close();

        assertThat(ws.serverException()).hasMessage("boom from the endpoint");
    }

    @Test
    void an_exception_in_on_open_is_captured_and_the_close_code_visible() {
        try (WebSocketSession ws = client.given().websocket("/ws/open-boom")) {
            expectFailure(ws::receiveText)
                    .hasFactContaining("but", "the server closed the session: 1011")
                    .hasFact("the endpoint threw", "java.lang.IllegalArgumentException: no session for you");
        }
    }

    // ---------------------------------------------------------------- forgotten sessions

    @Test
    void a_session_left_open_is_closed_with_1000_when_the_app_stops_and_reported() throws Exception {
        WebSocketEndpoints.Recorder recorder = new WebSocketEndpoints.Recorder(1);
        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            TestClient app = Testlet.start(ServletApp.builder().websocket(recorder.config("/ws/recorded")).build());
            app.given().websocket("/ws/recorded").sendText("forgotten").expectText("recorded forgotten");

            app.close();

            assertThat(recorder.awaitCloses()).isTrue();
            assertThat(recorder.closes().get(0).getCloseCode().getCode()).isEqualTo(1000);
            assertThat(log.records()).singleElement().satisfies(w -> assertThat(w.getMessage())
                    .contains("Testlet.start(app) left 1 thing open")
                    .contains("WebSocket session GET /ws/recorded (opened at dev.testlet.WebSocketFailureTest.a_session_left_open")
                    .contains("try (var stream = ...)"));
        }
    }

    @Test
    void a_closed_session_is_not_reported() {
        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            TestClient app = Testlet.start(WebSocketEndpoints.builder().build());
            try (WebSocketSession ws = app.given().websocket("/ws/echo")) {
                ws.sendText("x").expectText("Echo: x");
            }
            app.close();
            assertThat(log.records()).isEmpty();
        }
    }
}
