package dev.testlet.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place where the exact text of a WebSocket failure's context and transcript is pinned. */
class WebSocketFailuresTest {

    @Test
    void the_context_is_the_handshake_the_endpoints_exception_its_log_and_the_transcript() {
        Exchange handshake = new Exchange(
                new RequestPlan("GET", "/ws/chat?room=1", Headers.of("Host", "localhost", "Cookie", "sid=abc",
                        "Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                        "Sec-WebSocket-Version", "13"), new byte[0], Duration.ofSeconds(10)),
                101, "Switching Protocols",
                Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
                new byte[0], Duration.ofMillis(1), null, List.of());
        IllegalStateException thrown = new IllegalStateException("room is full");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Chat", "onMessage", "Chat.java", 21),
            new StackTraceElement("org.eclipse.jetty.ee10.websocket.jakarta.common.messages.AbstractDecodedMessageSink", "invoke", "X.java", 1),
            new StackTraceElement("dev.testlet.engine.internal.app.TrackedFrameHandler", "onFrame", "T.java", 1)
        });
        WebSocketTranscript transcript = new WebSocketTranscript();
        transcript.sent(WebSocketFrames.TEXT, true, "join".getBytes(UTF_8));
        transcript.received(new WebSocketFrames.Frame(false, WebSocketFrames.TEXT, "wel".getBytes(UTF_8)));
        transcript.received(new WebSocketFrames.Frame(true, WebSocketFrames.CONTINUATION, "come\n".getBytes(UTF_8)));
        transcript.sent(WebSocketFrames.BINARY, true, new byte[] {1, 2, (byte) 0xFF});
        transcript.received(new WebSocketFrames.Frame(true, WebSocketFrames.PING, "hb".getBytes(UTF_8)));
        transcript.sent(WebSocketFrames.PONG, true, "hb".getBytes(UTF_8));
        transcript.received(new WebSocketFrames.Frame(true, WebSocketFrames.CLOSE, WebSocketFrames.closePayload(1011, "room is full")));
        transcript.note(false, "(the server dropped the connection without a close frame: 1006)");
        List<ServerLogRecord> log = List.of(new ServerLogRecord(Instant.parse("2026-01-02T10:11:12.345Z"), "WARNING",
                "com.example.Chat", "room 1 is full", null, "testlet-ws-writer"));

        String context = WebSocketFailures.context(handshake, thrown, log, transcript)
                .replaceAll("\\+\\d+\\.\\d{3}ms", "+T");

        assertThat(context).isEqualTo("""
                --- handshake ---
                GET /ws/chat?room=1 HTTP/1.1
                Host: localhost
                Cookie: sid=***
                Upgrade: websocket
                Connection: Upgrade
                Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==
                Sec-WebSocket-Version: 13
                --- response: 101 Switching Protocols ---
                Upgrade: websocket
                Connection: Upgrade
                Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=

                --- server exception (thrown by the endpoint) ---
                java.lang.IllegalStateException: room is full
                \tat com.example.Chat.onMessage(Chat.java:21)
                \t... 2 frames of Jetty below the endpoint

                --- server log of this session ---
                %s

                --- WebSocket transcript: GET /ws/chat?room=1 (3 frames sent, 4 received) ---
                  +T  ->  text                    4 B  "join"
                  +T  <-  text (more follow)      3 B  "wel"
                  +T  <-  continuation (last)     5 B  "come\\n"
                  +T  ->  binary                  3 B  0x01 02 ff
                  +T  <-  ping                    2 B  "hb"
                  +T  ->  pong                    2 B  "hb"
                  +T  <-  close                  14 B  1011 Internal Server Error "room is full"
                  +T  <-  (the server dropped the connection without a close frame: 1006)
                """.formatted(log.get(0)));
    }

    @Test
    void the_transcript_keeps_the_last_entries_and_cuts_long_payloads() {
        WebSocketTranscript transcript = new WebSocketTranscript();
        for (int i = 0; i < WebSocketTranscript.KEPT + 5; i++) {
            transcript.sent(WebSocketFrames.TEXT, true, ("message " + i).getBytes(UTF_8));
        }
        transcript.received(new WebSocketFrames.Frame(true, WebSocketFrames.TEXT, "x".repeat(20_000).getBytes(UTF_8)));
        transcript.received(new WebSocketFrames.Frame(true, WebSocketFrames.BINARY, new byte[40]));

        String text = transcript.render("GET /ws");

        assertThat(text).contains("(205 frames sent, 2 received)")
                .contains("(7 older entries not kept)")
                .doesNotContain("\"message 6\"")
                .contains("\"message 7\"")
                .contains("19 KiB  \"" + "x".repeat(60) + "\"...")
                .contains("0x00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ...");
    }

    @Test
    void stacks_are_cut_where_the_endpoints_code_ends() {
        RuntimeException cause = new RuntimeException("root");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Db", "load", "Db.java", 3)});
        IllegalStateException thrown = new IllegalStateException("outer", cause);
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Chat", "onOpen", "Chat.java", 9),
            new StackTraceElement("org.eclipse.jetty.Something", "run", "S.java", 1)
        });

        assertThat(WebSocketFailures.endpointStackOf(thrown)).isEqualTo("""
                java.lang.IllegalStateException: outer
                \tat com.example.Chat.onOpen(Chat.java:9)
                \t... 1 frames of Jetty below the endpoint
                Caused by: java.lang.RuntimeException: root
                \tat com.example.Db.load(Db.java:3)
                """);
    }
}
