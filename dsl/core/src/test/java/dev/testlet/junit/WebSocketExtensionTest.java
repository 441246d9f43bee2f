package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.CapturedLog;
import dev.testlet.fixtures.WebSocketEndpoints;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A session a test forgets is closed when that test ends, not left to the next test of the class. */
class WebSocketExtensionTest {

    static volatile WebSocketEndpoints.Recorder recorder;

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ForgetsASession {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(
                () -> ServletApp.builder().websocket(recorder.config("/ws/recorded")).build());

        @Test
        @Order(1)
        void opens_a_session_and_forgets_it(TestClient client) {
            client.given().websocket("/ws/recorded").sendText("left open").expectText("recorded left open");
        }

        @Test
        @Order(2)
        void finds_it_closed_with_1000(TestClient client) throws InterruptedException {
            assertThat(recorder.awaitCloses()).isTrue();
            assertThat(recorder.closes().get(0).getCloseCode().getCode()).isEqualTo(1000);
        }
    }

    @Test
    void a_forgotten_session_is_closed_at_the_end_of_its_test_and_reported() throws InterruptedException {
        recorder = new WebSocketEndpoints.Recorder(1);
        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetsASession.class)).execute()
                    .testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

            assertThat(log.records()).singleElement().satisfies(w -> assertThat(w.getMessage())
                    .startsWith("ForgetsASession > opens_a_session_and_forgets_it(TestClient) left 1 thing open;"
                            + " Testlet closed it:\n  - WebSocket session GET /ws/recorded (opened at"
                            + " dev.testlet.junit.WebSocketExtensionTest$ForgetsASession.opens_a_session_and_forgets_it"));
            assertThat(recorder.awaitCloses()).isTrue();
            assertThat(recorder.closes().get(0).getCloseCode().getCode()).as("closed with 1000").isEqualTo(1000);
        }
    }
}
