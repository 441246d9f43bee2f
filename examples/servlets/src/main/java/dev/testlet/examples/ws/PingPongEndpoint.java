package dev.testlet.examples.ws;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON protocol: {@code {"type":"ping","id":7}} is answered with {@code {"type":"pong","id":7}};
 * anything else with {@code {"type":"error","message":...}}.
 */
@ServerEndpoint("/ws/ping")
public class PingPongEndpoint {

    private final JsonMapper json = JsonMapper.builder().build();

    @OnMessage
    public String onMessage(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JacksonException e) {
            return json.writeValueAsString(Map.of("type", "error", "message", "not JSON"));
        }
        if (!"ping".equals(message.path("type").asString(""))) {
            return json.writeValueAsString(Map.of("type", "error", "message", "unknown type: " + message.path("type")));
        }
        return json.writeValueAsString(Map.of("type", "pong", "id", message.path("id").asLong()));
    }
}
