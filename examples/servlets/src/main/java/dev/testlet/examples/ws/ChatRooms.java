package dev.testlet.examples.ws;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is in which chat room; one per running app. Members are kept here rather than found through
 * {@code Session.getOpenSessions()}: Jetty adds a session to that set only after its {@code @OnOpen}
 * has returned, so a member who has already been welcomed could miss a broadcast.
 */
public final class ChatRooms {

    private final Map<String, Set<Session>> members = new ConcurrentHashMap<>();

    void join(String room, Session session) {
        members.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void leave(String room, Session session) {
        Set<Session> in = members.get(room);
        if (in != null) {
            in.remove(session);
        }
    }

    /** Sends a text to every member of a room; a member who has gone is skipped. */
    void broadcast(String room, String text) {
        for (Session member : members.getOrDefault(room, Set.of())) {
            send(member, text);
        }
    }

    static void send(Session session, String text) {
        synchronized (session) {
            if (session.isOpen()) {
                try {
                    session.getBasicRemote().sendText(text);
                } catch (IOException e) {
                    // that member has gone; the others still get the message
                }
            }
        }
    }
}
