package dev.testlet.examples.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Pushes a user's notifications. The user proves who they are with {@code ?token=}; the handshake
 * is accepted either way (browsers cannot read a refused handshake's status), and a wrong token
 * closes the session at once with 1008 (policy violation). A valid one is greeted with
 * {@code {"type":"hello","user":"alice"}}.
 */
public final class NotificationsEndpoint extends Endpoint {

    private final NotificationHub hub;
    private final Map<String, String> usersByToken;
    private volatile String user;

    NotificationsEndpoint(NotificationHub hub, Map<String, String> usersByToken) {
        this.hub = hub;
        this.usersByToken = usersByToken;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        List<String> token = session.getRequestParameterMap().get("token");
        String who = token == null ? null : usersByToken.get(token.get(0));
        try {
            if (who == null) {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                        token == null ? "token required" : "invalid token"));
                return;
            }
            user = who;
            hub.subscribe(who, session);
            synchronized (session) {
                session.getBasicRemote().sendText("{\"type\":\"hello\",\"user\":\"" + who + "\"}");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not greet " + who, e);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (user != null) {
            hub.unsubscribe(user, session);
        }
    }
}
