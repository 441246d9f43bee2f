package dev.testlet.examples.ws;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who is listening for notifications, by user; one hub per running app. */
public final class NotificationHub {

    private final Map<String, Set<Session>> listeners = new ConcurrentHashMap<>();

    void subscribe(String user, Session session) {
        listeners.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(String user, Session session) {
        Set<Session> sessions = listeners.get(user);
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    /**
     * Sends a JSON notification to every open session of a user.
     *
     * @param user the user
     * @param json the notification
     * @return how many sessions it reached
     */
    public int publish(String user, String json) {
        int reached = 0;
        for (Session session : listeners.getOrDefault(user, Set.of())) {
            synchronized (session) {
                if (session.isOpen()) {
                    try {
                        session.getBasicRemote().sendText(json);
                        reached++;
                    } catch (IOException e) {
                        unsubscribe(user, session);
                    }
                }
            }
        }
        return reached;
    }
}
