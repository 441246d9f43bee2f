package dev.testlet.internal;

import java.util.Locale;

/**
 * Something the server sent is bigger than a limit of the client's {@code Limits}: a line, an
 * event, a WebSocket message or a body. The message names the limit, its size, what was read of
 * the data (a capped preview) and how to raise it.
 *
 * <pre>{@code
 * throw LimitExceededException.of("a line of the event stream", " and has no line end yet",
 *         1 << 20, "withMaxLineBytes", preview);
 * // a line of the event stream exceeds the limit of 1 MiB (1,048,576 bytes) and has no line end yet;
 * // it starts: "data: xxxx..."; to raise the limit: client.withLimits(client.limits().withMaxLineBytes(4 * 1024 * 1024))
 * }</pre>
 */
public final class LimitExceededException extends IllegalStateException {

    /** The most characters of the data a message shows. */
    public static final int PREVIEW_CHARS = 200;

    private final int limit;
    private final String knob;

    private LimitExceededException(String message, int limit, String knob) {
        super(message);
        this.limit = limit;
        this.knob = knob;
    }

    /**
     * The failure for data over a limit.
     *
     * @param what what is too big, e.g. {@code "a line of the event stream"}
     * @param detail appended after "exceeds the limit of N" as it is, e.g. {@code " and has no line end yet"}
     *     or {@code ": it sent a frame of 20,000,000 bytes"}; may be empty
     * @param limit the limit, in bytes
     * @param knob the {@code Limits} method that raises it, e.g. {@code "withMaxLineBytes"}
     * @param preview the beginning of the data (cut here to {@value #PREVIEW_CHARS} characters), or empty
     * @return the exception
     */
    public static LimitExceededException of(String what, String detail, int limit, String knob, String preview) {
        String message = what + " exceeds the limit of " + size(limit) + detail
                + (preview.isEmpty() ? "" : "; it starts: " + quote(preview))
                + "; to raise the limit: client.withLimits(client.limits()." + knob + "(" + suggestion(limit) + "))";
        return new LimitExceededException(message, limit, knob);
    }

    /** The limit that was exceeded, in bytes. */
    public int limit() {
        return limit;
    }

    /** The {@code Limits} method that raises it. */
    public String knob() {
        return knob;
    }

    /**
     * A size as people read it.
     *
     * @param bytes a number of bytes
     * @return "1 MiB (1,048,576 bytes)", "4 KiB (4,096 bytes)" or "100 bytes"
     */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return String.format(Locale.ROOT, "%d MiB (%,d bytes)", bytes / (1024 * 1024), bytes);
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return String.format(Locale.ROOT, "%d KiB (%,d bytes)", bytes / 1024, bytes);
        }
        return String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    /**
     * Text cut for a message: at most {@value #PREVIEW_CHARS} characters, then {@code ...}; line
     * ends shown as {@code \n}. (The caller says how big the whole is: the text given may itself be
     * only the beginning.)
     *
     * @param text the text
     * @return the text, or its beginning and {@code ...}
     */
    public static String cap(String text) {
        String shown = text.length() <= PREVIEW_CHARS ? text : text.substring(0, PREVIEW_CHARS) + "...";
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Four times the limit, as code a user can paste. */
    private static String suggestion(int limit) {
        long bigger = Math.min(4L * limit, Integer.MAX_VALUE - 8);
        if (bigger % (1024 * 1024) == 0) {
            return (bigger / (1024 * 1024)) + " * 1024 * 1024";
        }
        return Long.toString(bigger);
    }

    private static String quote(String preview) {
        return "\"" + cap(preview) + "\"";
    }
}
