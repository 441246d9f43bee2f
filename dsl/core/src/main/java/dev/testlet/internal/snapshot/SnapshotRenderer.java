package dev.testlet.internal.snapshot;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.BodyText;
import dev.testlet.internal.WebSocketFrames;
import dev.testlet.internal.json.CanonicalJson;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders what a test saw as stable, readable text: the "facets" a snapshot stores.
 *
 * <p>A response: the request line, the status line, the headers that matter (sorted by name, values
 * of one name in their order), a blank line and the body: JSON canonically (see
 * {@link CanonicalJson}), text decoded by its charset, anything else as {@code [binary body: N bytes,
 * sha256 HEX]}.
 *
 * <pre>
 * POST /items
 * 201 Created
 * Content-Type: application/json
 * Location: /items/[id-1]
 *
 * {
 *   "id": "[redacted number]",
 *   "name": "pen"
 * }
 * </pre>
 *
 * An event stream: one header line per event ({@code #1 event=message id=7 retry=3000ms}) and its
 * data indented by two spaces (JSON objects and arrays canonically). A WebSocket conversation: one
 * header line per frame ({@code #1 -> text}, {@code #2 <- binary 5 bytes, sha256 ...},
 * {@code #3 <- close 1000 Normal Closure "bye"}) and text payloads indented. Timing is never shown.
 *
 * <p>Every rendering is cut at a limit ({@value #DEFAULT_MAX_CHARS} characters unless told
 * otherwise), and the note that ends a cut rendering carries the SHA-256 of the whole, so a change
 * past the cut still fails the snapshot. Immutable and thread-safe.
 */
public final class SnapshotRenderer {

    /** How many characters a rendering keeps by default. */
    public static final int DEFAULT_MAX_CHARS = 100_000;

    /** The smallest limit accepted: enough for a response's head and the note. */
    public static final int MIN_MAX_CHARS = 1_000;

    private static final String INDENT = "  ";

    private final CanonicalJson json;
    private final int maxChars;

    /**
     * A renderer with the default limit.
     *
     * <pre>{@code new SnapshotRenderer(client.mapper())}</pre>
     *
     * @param mapper the client's mapper, to parse JSON
     */
    public SnapshotRenderer(ObjectMapper mapper) {
        this(mapper, DEFAULT_MAX_CHARS);
    }

    /**
     * A renderer that keeps at most {@code maxChars} characters of a rendering.
     *
     * <pre>{@code new SnapshotRenderer(mapper, 1_000_000)}</pre>
     *
     * @param mapper the client's mapper, to parse JSON
     * @param maxChars the limit, at least {@value #MIN_MAX_CHARS}
     * @throws IllegalArgumentException when the limit is smaller
     */
    public SnapshotRenderer(ObjectMapper mapper, int maxChars) {
        if (maxChars < MIN_MAX_CHARS) {
            throw new IllegalArgumentException("a snapshot must keep at least " + MIN_MAX_CHARS
                    + " characters, but the limit was " + maxChars);
        }
        this.json = new CanonicalJson(mapper);
        this.maxChars = maxChars;
    }

    /**
     * The limit a rendering is cut at.
     *
     * <pre>{@code renderer.maxChars()   // 100000}</pre>
     *
     * @return the number of characters
     */
    public int maxChars() {
        return maxChars;
    }

    /**
     * A finished exchange.
     *
     * <pre>{@code renderer.response(response.exchange(), redactions)}</pre>
     *
     * @param exchange the exchange
     * @param redactions what to leave out and replace
     * @return the rendering
     */
    public Rendering response(Exchange exchange, Redactions redactions) {
        return response(exchange.request(), exchange.statusLine(), exchange.headers(), exchange.body(), redactions);
    }

    /**
     * A response from its parts: for a decoded body ({@code Content-Encoding} undone) or a stream's
     * body read so far.
     *
     * <pre>{@code renderer.response(plan, "200 OK", headers, bodySoFar, redactions)}</pre>
     *
     * @param request the request, for its request line
     * @param statusLine the status and reason, as {@code 200 OK}
     * @param headers the response headers
     * @param body the body bytes
     * @param redactions what to leave out and replace
     * @return the rendering
     */
    public Rendering response(RequestPlan request, String statusLine, Headers headers, byte[] body,
            Redactions redactions) {
        Redactor redactor = new Redactor(redactions);
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append(' ').append(request.target()).append('\n').append(statusLine);
        List<Headers.Header> sorted = new ArrayList<>(headers.asList());
        sorted.sort(Comparator.comparing(h -> h.name().toLowerCase(Locale.ROOT)));
        for (Headers.Header h : sorted) {
            if (!redactor.excludes(h.name())) {
                out.append('\n').append(h.name()).append(": ").append(redactor.header(h.name(), h.value()));
            }
        }
        if (body.length > 0) {
            out.append("\n\n").append(body(body, headers.first("Content-Type"), redactor));
        }
        return new Rendering(Rendering.Kind.RESPONSE, cap(redactor.text(out.toString())));
    }

    private String body(byte[] body, @Nullable String contentType, Redactor redactor) {
        boolean declaredJson = BodyText.isJson(contentType);
        if (declaredJson || contentType == null) {
            JsonNode node = json.parse(body);
            if (node != null && (declaredJson || node.isContainer())) {
                return json.pretty(redactor.json(node));
            }
        }
        String text = BodyText.decodeIfText(body, contentType);
        return text != null ? text : "[binary body: " + digest(body) + "]";
    }

    /**
     * The events of a stream, in order.
     *
     * <pre>{@code renderer.events(List.of(new RecordedEvent("message", "{\"n\":1}", "1", null)), redactions)}</pre>
     *
     * @param events the events read so far
     * @param redactions what to replace (JSON pointers apply to each event's JSON data)
     * @return the rendering
     */
    public Rendering events(List<RecordedEvent> events, Redactions redactions) {
        Redactor redactor = new Redactor(redactions);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            out.append(i == 0 ? "" : "\n").append('#').append(i + 1).append(" event=").append(e.type());
            if (e.id() != null && !e.id().isEmpty()) {
                out.append(" id=").append(e.id());
            }
            if (e.retry() != null) {
                out.append(" retry=").append(e.retry().toMillis()).append("ms");
            }
            if (!e.data().isEmpty()) {
                indented(out, textOrJson(e.data(), redactor));
            }
        }
        return new Rendering(Rendering.Kind.EVENTS, cap(redactor.text(out.toString())));
    }

    /**
     * A WebSocket conversation, both directions in the order they happened.
     *
     * <pre>{@code renderer.transcript(List.of(RecordedMessage.text(SENT, "hi", now)), redactions)}</pre>
     *
     * @param messages the messages and control frames
     * @param redactions what to replace (JSON pointers apply to each JSON text message)
     * @return the rendering
     */
    public Rendering transcript(List<RecordedMessage> messages, Redactions redactions) {
        Redactor redactor = new Redactor(redactions);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            RecordedMessage m = messages.get(i);
            out.append(i == 0 ? "" : "\n").append('#').append(i + 1).append(' ').append(m.direction().arrow())
                    .append(' ').append(m.kind().name().toLowerCase(Locale.ROOT));
            byte[] payload = m.payload();
            switch (m.kind()) {
                case TEXT -> {
                    if (payload.length > 0) {
                        indented(out, textOrJson(m.text(), redactor));
                    }
                }
                case BINARY -> out.append(' ').append(digest(payload));
                case PING, PONG -> {
                    if (payload.length > 0) {
                        String text = printable(payload);
                        out.append(' ').append(text != null ? quoted(text) : HexFormat.ofDelimiter(" ").formatHex(payload));
                    }
                }
                case CLOSE -> out.append(m.closeCode() == null ? " (no code)"
                        : " " + m.closeCode() + " " + WebSocketFrames.closeCodeName(m.closeCode())
                                + (m.closeReason().isEmpty() ? "" : " " + quoted(m.closeReason())));
            }
        }
        return new Rendering(Rendering.Kind.TRANSCRIPT, cap(redactor.text(out.toString())));
    }

    private String textOrJson(String text, Redactor redactor) {
        JsonNode node = json.parse(text);
        return node != null && node.isContainer() ? json.pretty(redactor.json(node)) : text;
    }

    private static void indented(StringBuilder out, String text) {
        for (String line : text.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.append(INDENT).append(line);
            }
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        CanonicalJson.string(text, out);
        return out.toString();
    }

    private static @Nullable String printable(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.chars().anyMatch(c -> c < 0x20) ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private String cap(String text) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, cut) + "\n" + String.format(Locale.ROOT,
                "[... %,d more characters not shown: snapshots keep %,d; sha256 of the whole rendering %s]",
                text.length() - cut, maxChars, sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The size and SHA-256 of bytes, as renderings show binary data.
     *
     * <pre>{@code SnapshotRenderer.digest(bytes)   // "5 bytes, sha256 2cf24dba..."}</pre>
     *
     * @param bytes the bytes
     * @return the description
     */
    public static String digest(byte[] bytes) {
        return bytes.length + (bytes.length == 1 ? " byte" : " bytes") + ", sha256 " + sha256(bytes);
    }

    /**
     * The SHA-256 of bytes in lower-case hex.
     *
     * <pre>{@code SnapshotRenderer.sha256("hello".getBytes(UTF_8))   // "2cf24dba5fb0a30e..."}</pre>
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
