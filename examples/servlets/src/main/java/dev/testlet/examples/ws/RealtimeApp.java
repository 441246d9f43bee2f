package dev.testlet.examples.ws;

import dev.testlet.engine.ServletApp;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;

/**
 * The realtime app as a test mounts it: an echo, a JSON ping/pong, a chat room, and notifications
 * that need a token (pushed by {@code POST /notify/{user}}).
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(RealtimeApp.app())) {
 *     try (WebSocketSession ws = client.given().queryParam("token", RealtimeApp.ALICE_TOKEN)
 *             .websocket("/ws/notifications")) {
 *         ws.expectJson("/type", "hello");
 *     }
 * }
 * }</pre>
 */
public final class RealtimeApp {

    /** Alice's token. */
    public static final String ALICE_TOKEN = "alice-token";
    /** Bob's token. */
    public static final String BOB_TOKEN = "bob-token";

    private RealtimeApp() {}

    /**
     * The app, with a new notification hub and new chat rooms: build one per start.
     *
     * @return the app
     */
    public static ServletApp app() {
        NotificationHub hub = new NotificationHub();
        Map<String, String> users = Map.of(ALICE_TOKEN, "alice", BOB_TOKEN, "bob");
        ServerEndpointConfig notifications = ServerEndpointConfig.Builder
                .create(NotificationsEndpoint.class, "/ws/notifications")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        Endpoint endpoint = new NotificationsEndpoint(hub, users);
                        return type.cast(endpoint);
                    }
                })
                .build();
        ChatRooms rooms = new ChatRooms();
        ServerEndpointConfig chat = ServerEndpointConfig.Builder.create(ChatRoomEndpoint.class, "/ws/chat/{room}")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new ChatRoomEndpoint(rooms));
                    }
                })
                .build();
        return ServletApp.builder()
                .websocket(EchoEndpoint.class)
                .websocket(PingPongEndpoint.class)
                .websocket(chat)
                .websocket(notifications)
                .servlet("/notify/*", new NotifyServlet(hub))
                .build();
    }
}
