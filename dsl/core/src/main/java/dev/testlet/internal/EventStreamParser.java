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
 * <p>A line longer than {@code maxLineBytes}, or an event whose data lines add up to more than
 * {@code maxEventBytes}, fails with a {@link LimitExceededException} that names the limit; the parser
 * then stays failed. Failure messages show at most a short preview of unfinished data.
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

    /** How many bytes of an unfinished line {@link #pending()} decodes for its preview. */
    private static final int PREVIEW_BYTES = 4 * LimitExceededException.PREVIEW_CHARS;

    private final int maxLineBytes;
    private final int maxEventBytes;
    private byte[] line = new byte[128];
    private int lineLength;
    /** Bytes of data lines in the event being read, with their line ends. */
    private long eventBytes;
    private @Nullable LimitExceededException failure;
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

    /** A parser with the default limits: lines of 1 MiB, events of 4 MiB. */
    public EventStreamParser() {
        this(1024 * 1024, 4 * 1024 * 1024);
    }

    /**
     * A parser with limits.
     *
     * @param maxLineBytes the longest line, without its line end
     * @param maxEventBytes the most bytes the data lines of one event may add up to
     */
    public EventStreamParser(int maxLineBytes, int maxEventBytes) {
        if (maxLineBytes <= 0 || maxEventBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive, but were " + maxLineBytes + " and " + maxEventBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Parses the bytes that arrived, handing out each event the moment its blank line is read.
     *
     * @param bytes the next bytes of the body; consumed
     * @param out receives each dispatched event, in order
     * @throws LimitExceededException when a line or an event exceeds its limit (and on every call after)
     */
    public void feed(ByteBuffer bytes, Consumer<Event> out) {
        if (failure != null) {
            throw failure;
        }
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
                if (lineLength >= maxLineBytes) {
                    throw fail(LimitExceededException.of("a line of the event stream", " and has no line end yet",
                            maxLineBytes, "withMaxLineBytes", decode(line, Math.min(lineLength, PREVIEW_BYTES))));
                }
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, maxLineBytes));
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
            out.append("event type \"").append(LimitExceededException.cap(type)).append('"');
        }
        if (!data.isEmpty()) {
            out.append(out.isEmpty() ? "" : ", ").append("data \"")
                    .append(LimitExceededException.cap(data.substring(0, Math.min(data.length() - 1, PREVIEW_BYTES))))
                    .append('"');
            if (data.length() - 1 > PREVIEW_BYTES) {
                out.append(String.format(java.util.Locale.ROOT, " (%,d characters in all)", data.length() - 1));
            }
        }
        if (lineLength > 0) {
            out.append(out.isEmpty() ? "" : ", ").append("partial line \"")
                    .append(LimitExceededException.cap(decode(line, Math.min(lineLength, PREVIEW_BYTES)))).append('"');
            if (lineLength > PREVIEW_BYTES) {
                out.append(String.format(java.util.Locale.ROOT, " (%,d bytes so far)", lineLength));
            }
        }
        return out.toString();
    }

    private LimitExceededException fail(LimitExceededException e) {
        failure = e;
        return e;
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
        int lineBytes = lineLength;
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
        processField(field, value, lineBytes);
    }

    private void processField(String field, String value, int lineBytes) {
        switch (field) {
            case "event" -> type = value;
            case "data" -> {
                eventBytes += lineBytes + 1L;
                if (eventBytes > maxEventBytes) {
                    throw fail(LimitExceededException.of("a server-sent event", " before its blank line", maxEventBytes,
                            "withMaxEventBytes", data.substring(0, Math.min(data.length(), PREVIEW_BYTES))));
                }
                data.append(value).append('\n');
            }
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
        eventBytes = 0;
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
