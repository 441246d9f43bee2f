package dev.testlet.internal.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket message or control frame, sent or received, as snapshots and HAR files show it.
 *
 * <pre>{@code
 * RecordedMessage.text(Direction.SENT, "hello", Instant.now());
 * RecordedMessage.close(Direction.RECEIVED, 1008, "bad token", Instant.now());
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param direction who sent it
 * @param kind text, binary, ping, pong or close
 * @param payload the payload (UTF-8 for text; empty for close, whose code and reason are separate)
 * @param closeCode the close code for {@code CLOSE}, or null when the close frame had none
 * @param closeReason the close reason for {@code CLOSE}; empty otherwise
 * @param at when the test sent or read it (for HAR; snapshots never show times)
 */
public record RecordedMessage(Direction direction, Kind kind, byte[] payload, @Nullable Integer closeCode,
        String closeReason, Instant at) {

    /** Who sent a message. */
    public enum Direction {
        /** The test sent it. */
        SENT("->"),
        /** The server sent it. */
        RECEIVED("<-");

        private final String arrow;

        Direction(String arrow) {
            this.arrow = arrow;
        }

        /**
         * The arrow transcripts use.
         *
         * <pre>{@code Direction.SENT.arrow()   // "->"}</pre>
         *
         * @return {@code "->"} or {@code "<-"}
         */
        public String arrow() {
            return arrow;
        }
    }

    /** What a frame is, with its WebSocket opcode. */
    public enum Kind {
        /** A text message. */
        TEXT(1),
        /** A binary message. */
        BINARY(2),
        /** A close frame. */
        CLOSE(8),
        /** A ping. */
        PING(9),
        /** A pong. */
        PONG(10);

        private final int opcode;

        Kind(int opcode) {
            this.opcode = opcode;
        }

        /**
         * The opcode (RFC 6455).
         *
         * <pre>{@code Kind.TEXT.opcode()   // 1}</pre>
         *
         * @return the opcode
         */
        public int opcode() {
            return opcode;
        }
    }

    /**
     * Copies the payload and checks the parts.
     *
     * @param direction the direction
     * @param kind the kind
     * @param payload the payload
     * @param closeCode the close code or null
     * @param closeReason the close reason
     * @param at the time
     */
    public RecordedMessage {
        if (direction == null || kind == null || payload == null || closeReason == null || at == null) {
            throw new IllegalArgumentException("a recorded message needs a direction, a kind, a payload, a close"
                    + " reason (empty when none) and a time");
        }
        payload = payload.clone();
    }

    /**
     * A text message.
     *
     * <pre>{@code RecordedMessage.text(Direction.SENT, "hello", Instant.now())}</pre>
     *
     * @param direction who sent it
     * @param text the text
     * @param at when
     * @return the message
     */
    public static RecordedMessage text(Direction direction, String text, Instant at) {
        return new RecordedMessage(direction, Kind.TEXT, text.getBytes(StandardCharsets.UTF_8), null, "", at);
    }

    /**
     * A binary message.
     *
     * <pre>{@code RecordedMessage.binary(Direction.RECEIVED, bytes, Instant.now())}</pre>
     *
     * @param direction who sent it
     * @param bytes the payload
     * @param at when
     * @return the message
     */
    public static RecordedMessage binary(Direction direction, byte[] bytes, Instant at) {
        return new RecordedMessage(direction, Kind.BINARY, bytes, null, "", at);
    }

    /**
     * A ping or pong.
     *
     * <pre>{@code RecordedMessage.control(Direction.SENT, Kind.PING, new byte[0], Instant.now())}</pre>
     *
     * @param direction who sent it
     * @param kind {@code PING} or {@code PONG}
     * @param payload the application data
     * @param at when
     * @return the frame
     */
    public static RecordedMessage control(Direction direction, Kind kind, byte[] payload, Instant at) {
        if (kind != Kind.PING && kind != Kind.PONG) {
            throw new IllegalArgumentException("control(...) records a PING or PONG, not " + kind
                    + "; use text, binary or close for the others");
        }
        return new RecordedMessage(direction, kind, payload, null, "", at);
    }

    /**
     * A close frame.
     *
     * <pre>{@code RecordedMessage.close(Direction.RECEIVED, 1000, "", Instant.now())}</pre>
     *
     * @param direction who sent it
     * @param code the close code, or null when the frame had none
     * @param reason the reason, empty when none
     * @param at when
     * @return the frame
     */
    public static RecordedMessage close(Direction direction, @Nullable Integer code, String reason, Instant at) {
        return new RecordedMessage(direction, Kind.CLOSE, new byte[0], code, reason, at);
    }

    /**
     * A copy of the payload.
     *
     * <pre>{@code message.payload().length}</pre>
     *
     * @return the bytes
     */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The payload as UTF-8 text.
     *
     * <pre>{@code message.text()}</pre>
     *
     * @return the text
     */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RecordedMessage m && direction == m.direction && kind == m.kind
                && java.util.Arrays.equals(payload, m.payload) && java.util.Objects.equals(closeCode, m.closeCode)
                && closeReason.equals(m.closeReason) && at.equals(m.at);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(direction, kind, java.util.Arrays.hashCode(payload), closeCode, closeReason, at);
    }

    @Override
    public String toString() {
        return direction.arrow() + " " + kind + " (" + payload.length + " bytes)";
    }
}
