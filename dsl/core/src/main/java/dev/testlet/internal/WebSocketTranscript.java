package dev.testlet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * Every frame of a WebSocket session, both ways, as failures print it (times are when the test read
 * a frame, or sent it):
 *
 * <pre>
 *   +0.000ms  -&gt;  text            5 B  "hello"
 *   +0.031ms  &lt;-  text           11 B  "Echo: hello"
 *   +0.052ms  &lt;-  close           2 B  1008 Policy Violation "bad token"
 * </pre>
 *
 * Keeps the last {@value #KEPT} entries (and says how many older ones it dropped), and only the first
 * bytes of each payload. Thread-safe.
 */
public final class WebSocketTranscript {

    /** How many entries are kept. */
    public static final int KEPT = 200;

    private static final int PREVIEW_BYTES = 80;
    private static final int PREVIEW_CHARS = 60;

    private final long startNanos = System.nanoTime();
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private int dropped;
    private int sentFrames;
    private int receivedFrames;

    /** One frame (or a note, when opcode is negative). */
    private record Entry(long atNanos, boolean sent, int opcode, boolean fin, int length, byte[] head, String note) {}

    /**
     * Records a frame the client sent.
     *
     * @param opcode the opcode
     * @param fin whether it ended its message
     * @param payload the payload (only its first bytes are kept)
     */
    public synchronized void sent(int opcode, boolean fin, byte[] payload) {
        sentFrames++;
        add(new Entry(System.nanoTime(), true, opcode, fin, payload.length, head(payload), ""));
    }

    /**
     * Records a frame the server sent.
     *
     * @param frame the frame
     */
    public synchronized void received(WebSocketFrames.Frame frame) {
        receivedFrames++;
        add(new Entry(System.nanoTime(), false, frame.opcode(), frame.fin(), frame.payload().length,
                head(frame.payload()), ""));
    }

    /**
     * Records something that is not a frame: the connection ending, a protocol error.
     *
     * @param sent whether it concerns the client's side
     * @param note what happened
     */
    public synchronized void note(boolean sent, String note) {
        add(new Entry(System.nanoTime(), sent, -1, true, 0, new byte[0], note));
    }

    /** Frames sent so far. */
    public synchronized int sentFrames() {
        return sentFrames;
    }

    /** Frames received so far. */
    public synchronized int receivedFrames() {
        return receivedFrames;
    }

    /**
     * The transcript, one line per frame, oldest first.
     *
     * @param title what the session is, for the heading ("GET /ws/echo")
     * @return the text, ending with a newline
     */
    public synchronized String render(String title) {
        StringBuilder out = new StringBuilder();
        out.append("--- WebSocket transcript: ").append(title).append(" (").append(sentFrames).append(" frame")
                .append(sentFrames == 1 ? "" : "s").append(" sent, ").append(receivedFrames).append(" received) ---\n");
        if (dropped > 0) {
            out.append("  (").append(dropped).append(" older entries not kept)\n");
        }
        if (entries.isEmpty()) {
            out.append("  (no frames yet)\n");
        }
        int width = 0;
        for (Entry e : entries) {
            width = Math.max(width, kind(e).length());
        }
        for (Entry e : entries) {
            out.append(String.format(Locale.ROOT, "  +%.3fms  %s  ", (e.atNanos() - startNanos) / 1e6, e.sent() ? "->" : "<-"));
            if (e.opcode() < 0) {
                out.append(e.note()).append('\n');
                continue;
            }
            String kind = kind(e);
            out.append(kind).append(" ".repeat(width - kind.length()));
            out.append(String.format(Locale.ROOT, " %7s  ", size(e.length())));
            out.append(preview(e)).append('\n');
        }
        return out.toString();
    }

    private static String kind(Entry e) {
        if (e.opcode() < 0) {
            return "";
        }
        String kind = WebSocketFrames.opcodeName(e.opcode());
        if (!e.fin()) {
            return kind + " (more follow)";
        }
        return e.opcode() == WebSocketFrames.CONTINUATION ? kind + " (last)" : kind;
    }

    private void add(Entry entry) {
        entries.addLast(entry);
        if (entries.size() > KEPT) {
            entries.removeFirst();
            dropped++;
        }
    }

    private static byte[] head(byte[] payload) {
        return payload.length <= PREVIEW_BYTES ? payload.clone() : java.util.Arrays.copyOf(payload, PREVIEW_BYTES);
    }

    private static String size(int length) {
        return length < 10_000 ? length + " B" : (length / 1024) + " KiB";
    }

    private static String preview(Entry e) {
        byte[] head = e.head();
        boolean cut = head.length < e.length();
        return switch (e.opcode()) {
            case WebSocketFrames.CLOSE -> closePreview(head);
            case WebSocketFrames.BINARY -> hex(head, cut);
            default -> {
                if (e.opcode() != WebSocketFrames.TEXT && e.opcode() != WebSocketFrames.CONTINUATION && !isPrintable(head)) {
                    yield hex(head, cut);
                }
                yield head.length == 0 && e.opcode() != WebSocketFrames.TEXT ? "" : quote(lenientUtf8(head), cut);
            }
        };
    }

    /**
     * A close frame's payload as "1008 Policy Violation "bad token"".
     *
     * @param payload the payload
     * @return the description
     */
    public static String closePreview(byte[] payload) {
        if (payload.length == 0) {
            return "(no status code)";
        }
        if (payload.length == 1) {
            return "(invalid: 1 byte)";
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        String reason = lenientUtf8(java.util.Arrays.copyOfRange(payload, 2, payload.length));
        return code + " " + WebSocketFrames.closeCodeName(code) + (reason.isEmpty() ? "" : " " + quote(reason, false));
    }

    /**
     * Text for a message: quoted and cut to a line.
     *
     * @param text the text
     * @param cut whether the text is the start of a longer one
     * @return the quoted preview
     */
    public static String quote(String text, boolean cut) {
        String shown = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) : text;
        shown = shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
                .replace("\"", "\\\"");
        return "\"" + shown + "\"" + (cut || text.length() > PREVIEW_CHARS ? "..." : "");
    }

    /**
     * Bytes as hex: "0x00 01 02".
     *
     * @param bytes the bytes
     * @param cut whether there were more
     * @return the hex
     */
    public static String hex(byte[] bytes, boolean cut) {
        if (bytes.length == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("0x");
        int shown = Math.min(bytes.length, 24);
        for (int i = 0; i < shown; i++) {
            out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
        }
        return out + (cut || shown < bytes.length ? " ..." : "");
    }

    private static boolean isPrintable(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String lenientUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
