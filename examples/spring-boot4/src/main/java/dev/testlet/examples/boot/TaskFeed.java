package dev.testlet.examples.boot;

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
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring WebSocket handler on {@code /ws/tasks}: greets with the number of tasks, answers
 * {@code ping} with {@code pong}, and pushes every new task to every open session, as JSON written
 * by Boot's Jackson 3 {@code JsonMapper} (Boot 4's default).
 */
@Component
public class TaskFeed extends TextWebSocketHandler {

    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 64 * 1024;

    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final TaskRepository tasks;
    private final JsonMapper json;

    /**
     * @param tasks the tasks table
     * @param json Boot's Jackson 3 mapper
     */
    public TaskFeed(TaskRepository tasks, JsonMapper json) {
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

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        WebSocketSession safe = (WebSocketSession) session.getAttributes().get("safe");
        if (message.getPayload().equals("ping")) {
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
        return new TextMessage(json.writeValueAsString(body));   // Jackson 3 throws unchecked exceptions
    }
}
