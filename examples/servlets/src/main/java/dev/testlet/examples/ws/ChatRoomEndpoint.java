package dev.testlet.examples.ws;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat room per path: {@code /ws/chat/{room}?user=alice}. Joining is answered with
 * {@code {"type":"welcome","room":"lobby"}}; every text a member sends is broadcast to every member
 * of the room (the sender too) as {@code {"type":"message","from":"alice","text":"hi"}}. The rooms
 * come from the app ({@link RealtimeApp} registers the endpoint with them).
 */
@ServerEndpoint("/ws/chat/{room}")
public class ChatRoomEndpoint {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ChatRooms rooms;
    private volatile String room = "";
    private volatile String user = "anonymous";

    ChatRoomEndpoint(ChatRooms rooms) {
        this.rooms = rooms;
    }

    @OnOpen
    public void onOpen(Session session, @PathParam("room") String room) {
        List<String> users = session.getRequestParameterMap().get("user");
        this.room = room;
        this.user = users == null ? "anonymous" : users.get(0);
        rooms.join(room, session);   // first: once welcomed, a member gets every broadcast
        ChatRooms.send(session, json.writeValueAsString(Map.of("type", "welcome", "room", room)));
    }

    @OnMessage
    public void onMessage(String text) {
        rooms.broadcast(room, json.writeValueAsString(Map.of("type", "message", "from", user, "text", text)));
    }

    @OnClose
    public void onClose(Session session) {
        rooms.leave(room, session);
    }
}
