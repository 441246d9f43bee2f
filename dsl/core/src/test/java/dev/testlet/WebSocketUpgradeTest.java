package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions an app upgrades to itself, with {@code ServerContainer.upgradeHttpToWebSocket} and no
 * endpoint mapping, as Spring's WebSocket support does: Testlet tracks them as it tracks
 * {@code @ServerEndpoint} sessions, so a close takes no longer than the close handshake, and what the
 * endpoint threw and logged reaches the test.
 */
class WebSocketUpgradeTest {

    /** Upgrades every GET to a WebSocket session with {@link Shout}, as Spring's upgrade strategy does. */
    public static class UpgradingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ServerContainer container = (ServerContainer) request.getServletContext().getAttribute(ServerContainer.class.getName());
            try {
                container.upgradeHttpToWebSocket(request, response,
                        ServerEndpointConfig.Builder.create(Shout.class, request.getServletPath()).build(), Map.of());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Answers text in capitals; on "boom", logs a line and throws. A programmatic endpoint, like Spring's adapter. */
    public static class Shout extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                if (text.equals("boom")) {
                    Logger.getLogger(Shout.class.getName()).warning("about to fail on boom");
                    throw new IllegalStateException("boom from an upgraded endpoint");
                }
                try {
                    session.getBasicRemote().sendText(text.toUpperCase(Locale.ROOT));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static final ServletApp APP = ServletApp.builder().webSocketContainer().servlet("/ws/upgraded", UpgradingServlet.class)
            .build();

    private static TestClient start(String mode) {
        Function<ServletApp, TestClient> starter = mode.equals("served") ? Testlet::serve : Testlet::start;
        return starter.apply(APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "served"})
    void a_close_takes_the_close_handshake_not_the_two_second_settling_bound(String mode) {
        try (TestClient client = start(mode)) {
            WebSocketSession ws = client.given().websocket("/ws/upgraded");
            ws.sendText("hi").expectText("HI");

            long start = System.nanoTime();
            ws.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofMillis(1000));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-process", "served"})
    void what_the_endpoint_threw_and_logged_reaches_the_test(String mode) {
        try (TestClient client = start(mode); WebSocketSession ws = client.given().websocket("/ws/upgraded")) {
            ws.sendText("boom");

            AssertionError error = expectFailure(() -> ws.expectText("BOOM"))
                    .hasFactContaining("but", "the server closed the session")
                    .hasFact("the endpoint threw", "java.lang.IllegalStateException: boom from an upgraded endpoint")
                    .mentions("--- server log of this session ---")
                    .mentions("about to fail on boom")
                    .error();
            assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom from an upgraded endpoint");
        }
    }
}
