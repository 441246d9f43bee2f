package dev.testlet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Parses a {@code text/event-stream} body as the HTML Standard's "interpreting an event stream"
 * says, fed bytes in whatever pieces they arrive:
 *
 * <ul>
 *   <li>the stream is UTF-8, decoded with replacement characters for malformed bytes; one byte order
 *       mark at the very start is dropped (even when it arrives a byte at a time);</li>
 *   <li>a line ends at CRLF, at LF, or at a CR not followed by LF; a CR that ends one piece and an LF
 *       that starts the next are one line end;</li>
 *   <li>an empty line dispatches the event; a line starting with {@code :} is a comment; otherwise
 *       the field name is what comes before the first colon and the value what follows it, less one
 *       leading space (a line without a colon is a field name with an empty value);</li>
 *   <li>{@code event} sets the event type buffer; {@code data} appends the value and a LF to the
 *       data buffer; {@code id} sets the last event ID buffer unless the value contains NUL;
 *       {@code retry} sets the reconnection time when the value is ASCII digits only; other fields
 *       are ignored;</li>
 *   <li>dispatching sets the last event ID (it persists across events); with an empty data buffer
 *       nothing is dispatched and the buffers are cleared; otherwise one trailing LF is removed from
 *       the data, the type defaults to {@code message}, and the buffers are cleared;</li>
 *   <li>at the end of the stream an unfinished event is discarded.</li>
 * </ul>
 *
 * <pre>{@code
 * EventStreamParser parser = new EventStreamParser();
 * parser.feed(ByteBuffer.wrap("event: tick\ndata: 1\n\n".getBytes(UTF_8)), events::add);
 * // events: [Event[type=tick, data=1, lastEventId=, retryMillis=null]]
 * }</pre>
 *
 * <p>Not thread-safe: one reader feeds it.
 */
public final class EventStreamParser {

    /**
     * One dispatched event.
     *
     * @param type the event type; {@code message} when the stream named none
     * @param data the data lines joined with LF
     * @param lastEventId the last event ID at dispatch: the latest {@code id} field the stream sent,
     *     in this event or an earlier one; empty when it never sent one
     * @param retryMillis the reconnection time the stream set since the previous dispatched event,
     *     or null when it set none
     */
    public record Event(String type, String data, String lastEventId, @Nullable Long retryMillis) {}

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private byte[] line = new byte[128];
    private int lineLength;
    private boolean afterCr;
    private int bomSeen;
    private boolean bomDecided;

    private final StringBuilder data = new StringBuilder();
    private String type = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private @Nullable Long reconnectionTime;
    private @Nullable Long retrySinceDispatch;
    private long comments;
    private long dispatched;
    private boolean ended;

    /**
     * Parses the bytes that arrived, handing out each event the moment its blank line is read.
     *
     * @param bytes the next bytes of the body; consumed
     * @param out receives each dispatched event, in order
     */
    public void feed(ByteBuffer bytes, Consumer<Event> out) {
        if (ended) {
            bytes.position(bytes.limit());
            return;
        }
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (!bomDecided && acceptBomByte(b)) {
                continue;
            }
            if (afterCr) {
                afterCr = false;
                if (b == LF) {
                    continue;
                }
            }
            if (b == LF || b == CR) {
                afterCr = b == CR;
                processLine(out);
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
    }

    /**
     * Parses bytes from an array.
     *
     * @param bytes the bytes
     * @param out receives each dispatched event
     */
    public void feed(byte[] bytes, Consumer<Event> out) {
        feed(ByteBuffer.wrap(bytes), out);
    }

    /**
     * The stream ended: an event not yet ended by a blank line is discarded, as the standard says.
     * Later bytes are ignored.
     */
    public void end() {
        ended = true;
    }

    /** Whether {@link #end()} was called. */
    public boolean isEnded() {
        return ended;
    }

    /** The last event ID as of the last dispatch (empty when the stream never sent an id). */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection time the stream asked for with {@code retry}, in milliseconds, or null. */
    public @Nullable Long reconnectionTime() {
        return reconnectionTime;
    }

    /** How many comment lines (heartbeats) were skipped. */
    public long comments() {
        return comments;
    }

    /** How many events were dispatched. */
    public long dispatched() {
        return dispatched;
    }

    /**
     * What has been read of an event that is not finished yet, for a failure message.
     *
     * @return empty when nothing is pending, else a description such as {@code data "42", partial line "da"}
     */
    public String pending() {
        StringBuilder out = new StringBuilder();
        if (!type.isEmpty()) {
            out.append("event type \"").append(type).append('"');
        }
        if (!data.isEmpty()) {
            out.append(out.isEmpty() ? "" : ", ").append("data \"")
                    .append(data, 0, data.length() - 1).append('"');
        }
        if (lineLength > 0) {
            out.append(out.isEmpty() ? "" : ", ").append("partial line \"").append(decode(line, lineLength)).append('"');
        }
        return out.toString();
    }

    /** Holds the first bytes while they may be a BOM; returns true when the byte was taken. */
    private boolean acceptBomByte(byte b) {
        if (b == BOM[bomSeen]) {
            bomSeen++;
            if (bomSeen == BOM.length) {
                bomDecided = true;
                bomSeen = 0;
            }
            return true;
        }
        bomDecided = true;
        // Not a BOM after all: the bytes held so far are ordinary line bytes (none is CR or LF).
        for (int i = 0; i < bomSeen; i++) {
            line[lineLength++] = BOM[i];
        }
        bomSeen = 0;
        return false;
    }

    private void processLine(Consumer<Event> out) {
        if (lineLength == 0) {
            dispatch(out);
            return;
        }
        if (line[0] == ':') {
            comments++;
            lineLength = 0;
            return;
        }
        String text = decode(line, lineLength);
        lineLength = 0;
        int colon = text.indexOf(':');
        String field;
        String value;
        if (colon < 0) {
            field = text;
            value = "";
        } else {
            field = text.substring(0, colon);
            int start = colon + 1;
            if (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
            value = text.substring(start);
        }
        processField(field, value);
    }

    private void processField(String field, String value) {
        switch (field) {
            case "event" -> type = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> {
                Long millis = digits(value);
                if (millis != null) {
                    reconnectionTime = millis;
                    retrySinceDispatch = millis;
                }
            }
            default -> {
                // ignored, as the standard says
            }
        }
    }

    private void dispatch(Consumer<Event> out) {
        lastEventId = lastEventIdBuffer;
        if (data.isEmpty()) {
            type = "";
            return;
        }
        data.setLength(data.length() - 1);
        Event event = new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId, retrySinceDispatch);
        data.setLength(0);
        type = "";
        retrySinceDispatch = null;
        dispatched++;
        out.accept(event);
    }

    /** A base-ten integer of ASCII digits only, or null (also when it does not fit in a long). */
    private static @Nullable Long digits(String value) {
        if (value.isEmpty()) {
            return null;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            if (result > (Long.MAX_VALUE - (c - '0')) / 10) {
                return null;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
