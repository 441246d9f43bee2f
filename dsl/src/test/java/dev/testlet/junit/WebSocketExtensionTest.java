package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.TestClient;
import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.WebSocketEndpoints;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void a_forgotten_session_is_closed_at_the_end_of_its_test_and_reported() {
        recorder = new WebSocketEndpoints.Recorder(1);
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(TestletExtension.class.getName());
        logger.addHandler(capture);
        try {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetsASession.class)).execute()
                    .testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

            assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage())
                    .startsWith("opens_a_session_and_forgets_it(TestClient) left WebSocket session GET /ws/recorded open")
                    .contains("close code 1000"));
        } finally {
            logger.removeHandler(capture);
        }
    }
}
