package dev.testlet;

import dev.testlet.internal.Json;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.WebSocketTranscript;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One whole message from the server, text or binary (fragments already joined).
 *
 * <pre>{@code
 * WebSocketMessage m = ws.receiveMessage();
 * if (m.isText()) {
 *     m.text();      // "Echo: hi"
 * } else {
 *     m.bytes();     // the binary payload
 * }
 * }</pre>
 */
public final class WebSocketMessage {

    private final boolean text;
    private final byte[] payload;
    private final ObjectMapper mapper;

    WebSocketMessage(boolean text, byte[] payload, ObjectMapper mapper) {
        this.text = text;
        this.payload = payload;
        this.mapper = mapper;
    }

    /**
     * Whether it is a text message.
     *
     * <pre>{@code ws.receiveMessage().isText()}</pre>
     *
     * @return true for text, false for binary
     */
    public boolean isText() {
        return text;
    }

    /**
     * Whether it is a binary message.
     *
     * <pre>{@code ws.receiveMessage().isBinary()}</pre>
     *
     * @return true for binary, false for text
     */
    public boolean isBinary() {
        return !text;
    }

    /**
     * The message as text: a text message's text, a binary message's bytes decoded as UTF-8.
     *
     * <pre>{@code ws.receiveMessage().text()   // "Echo: hi"}</pre>
     *
     * @return the text
     */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * The payload bytes (a text message's in UTF-8).
     *
     * <pre>{@code byte[] frame = ws.receiveMessage().bytes();}</pre>
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
        return payload.clone();
    }

    /**
     * The message parsed as JSON.
     *
     * <pre>{@code ws.receiveMessage().json().get("type").asString()   // "pong"}</pre>
     *
     * @return the JSON tree
     * @throws AssertionError when it is not JSON
     */
    public JsonNode json() {
        try {
            return mapper.readTree(payload);
        } catch (JacksonException e) {
            throw Failures.of(Facts.of("expected", "a JSON message").and("but", "it is not JSON: " + Json.why(e))
                    .and("message", this.toString()), null);
        }
    }

    /**
     * The message as tests print it.
     *
     * <pre>{@code ws.receiveMessage().toString()   // text "Echo: hi"}</pre>
     *
     * @return its kind and a preview
     */
    @Override
    public String toString() {
        return text ? "text " + WebSocketTranscript.quote(text(), false)
                : "binary (" + payload.length + " bytes) " + WebSocketTranscript.hex(payload, false);
    }
}
