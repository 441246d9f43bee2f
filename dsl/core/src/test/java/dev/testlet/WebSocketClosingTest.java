package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.WebSocketEndpoints;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Closing a WebSocket session is bounded by the timeout, and what goes wrong on the way is reported. */
class WebSocketClosingTest {

    @Test
    void a_close_the_server_never_answers_fails_within_the_timeout() {
        WebSocketEndpoints.Recorder recorder = new WebSocketEndpoints.Recorder(1);
        try (TestClient client = Testlet.start(ServletApp.builder().websocket(recorder.config("/ws/recorded")).build())) {
            WebSocketSession ws = client.given().websocket("/ws/recorded").withTimeout(Duration.ofMillis(300));
            ws.sendText("block");   // the endpoint now blocks until released: it reads no more frames

            long start = System.nanoTime();
            expectFailure(ws::close)
                    .hasFact("expected", "the server to answer the close frame (1000 Normal Closure) within 300ms")
                    .hasFact("but", "no close frame came, and the connection is still open")
                    .hasFactContaining("endpoint thread", "RecordingEndpoint")
                    .mentions("->  close");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofMillis(1500));
            recorder.release();
        }
    }
}
