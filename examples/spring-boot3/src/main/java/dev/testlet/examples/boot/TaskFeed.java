package dev.testlet.examples.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A Spring WebSocket handler on {@code /ws/tasks}: greets with the number of tasks, answers
 * {@code ping} (as text or JSON) with {@code pong}, and pushes every new task to every open session, as JSON written
 * by Boot's Jackson 2 {@code ObjectMapper}.
 */
@Component
public class TaskFeed extends TextWebSocketHandler {

    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 64 * 1024;

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final TaskRepository tasks;
    private final ObjectMapper json;

    /**
     * @param tasks the tasks table
     * @param json Boot's Jackson 2 mapper
     */
    public TaskFeed(TaskRepository tasks, ObjectMapper json) {
        this.tasks = tasks;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        session.getAttributes().put("safe", safe);
        // A member before the greeting: a client that reads the greeting and then creates a task must
        // hear of it (the served run of the tests caught the other order losing that race).
        sessions.add(safe);
        safe.sendMessage(message(Map.of("type", "hello", "tasks", tasks.count())));
    }

    /**
     * Answers {@code ping}, or {@code {"type":"ping"}}, with {@code pong}; closes with 1003 on anything
     * else. Malformed JSON makes Jackson throw, and Spring then logs the exception and closes the
     * session with 1011.
     */
    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        WebSocketSession safe = (WebSocketSession) session.getAttributes().get("safe");
        String text = message.getPayload();
        boolean ping = text.startsWith("{") ? json.readTree(text).path("type").asText().equals("ping") : text.equals("ping");
        if (ping) {
            safe.sendMessage(new TextMessage("pong"));
        } else {
            safe.close(CloseStatus.NOT_ACCEPTABLE.withReason("only ping is understood"));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sessions.remove((WebSocketSession) session.getAttributes().get("safe"));
    }

    /**
     * Tells every open session about a new task: {@code {"type":"created","task":{...}}}.
     *
     * @param task the new task
     */
    public void created(Task task) {
        TextMessage message = message(Map.of("type", "created", "task", task));
        for (WebSocketSession session : sessions) {
            try {
                session.sendMessage(message);
            } catch (IOException e) {
                sessions.remove(session);
            }
        }
    }

    private TextMessage message(Map<String, Object> body) {
        try {
            return new TextMessage(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body + " as JSON", e);
        }
    }
}
