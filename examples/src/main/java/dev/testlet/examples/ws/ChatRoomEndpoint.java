package dev.testlet.examples.ws;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat room per path: {@code /ws/chat/{room}?user=alice}. Joining is answered with
 * {@code {"type":"welcome","room":"lobby"}}; every text a member sends is broadcast to every member
 * of the room (the sender too) as {@code {"type":"message","from":"alice","text":"hi"}}.
 */
@ServerEndpoint("/ws/chat/{room}")
public class ChatRoomEndpoint {

    private final JsonMapper json = JsonMapper.builder().build();

    @OnOpen
    public void onOpen(Session session, @PathParam("room") String room) throws IOException {
        List<String> user = session.getRequestParameterMap().get("user");
        session.getUserProperties().put("room", room);
        session.getUserProperties().put("user", user == null ? "anonymous" : user.get(0));
        send(session, json.writeValueAsString(Map.of("type", "welcome", "room", room)));
    }

    @OnMessage
    public void onMessage(Session session, String text) {
        Object room = session.getUserProperties().get("room");
        String message = json.writeValueAsString(Map.of("type", "message",
                "from", session.getUserProperties().get("user"), "text", text));
        for (Session member : session.getOpenSessions()) {
            if (room.equals(member.getUserProperties().get("room"))) {
                try {
                    send(member, message);
                } catch (IOException e) {
                    // that member has gone; the others still get the message
                }
            }
        }
    }

    @OnClose
    public void onClose(Session session) {
        session.getUserProperties().clear();
    }

    private static void send(Session session, String text) throws IOException {
        synchronized (session) {
            if (session.isOpen()) {
                session.getBasicRemote().sendText(text);
            }
        }
    }
}
