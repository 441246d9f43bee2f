package dev.testlet.examples.sse;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** Writes the {@code text/event-stream} format: one event per call, flushed at once. */
final class SseWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServletOutputStream out;

    private SseWriter(ServletOutputStream out) {
        this.out = out;
    }

    /** Sets the event-stream headers and commits them, so the client sees the stream open at once. */
    static SseWriter start(HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.flushBuffer();
        return new SseWriter(response.getOutputStream());
    }

    /** Writes one event whose data is a value as JSON; {@code id} may be null. */
    void event(String type, String id, Object data) throws IOException {
        StringBuilder event = new StringBuilder();
        if (id != null) {
            event.append("id: ").append(id).append('\n');
        }
        event.append("event: ").append(type).append('\n');
        event.append("data: ").append(JSON.writeValueAsString(data)).append("\n\n");
        send(event.toString());
    }

    /** Writes a comment line, which clients skip: a keep-alive. */
    void comment(String text) throws IOException {
        send(": " + text + "\n\n");
    }

    /** Asks clients to wait this long before reconnecting. */
    void retry(long millis) throws IOException {
        send("retry: " + millis + "\n\n");
    }

    private void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
