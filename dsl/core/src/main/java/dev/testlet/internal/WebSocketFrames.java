package dev.testlet.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The WebSocket wire format of RFC 6455, client side: masked frames out, unmasked frames in, the
 * handshake's key and accept values, and close payloads.
 *
 * <pre>{@code
 * ByteBuffer out = WebSocketFrames.encode(WebSocketFrames.TEXT, true, "hi".getBytes(UTF_8));
 * WebSocketFrames.Decoder in = new WebSocketFrames.Decoder();
 * in.feed(bytesFromServer);
 * WebSocketFrames.Frame frame = in.next();   // null until a whole frame has arrived
 * }</pre>
 */
public final class WebSocketFrames {

    /** Continues a fragmented message. */
    public static final int CONTINUATION = 0x0;
    /** A text message (or its first fragment). */
    public static final int TEXT = 0x1;
    /** A binary message (or its first fragment). */
    public static final int BINARY = 0x2;
    /** Closes the session. */
    public static final int CLOSE = 0x8;
    /** Asks the peer for a pong. */
    public static final int PING = 0x9;
    /** Answers a ping (or is a heartbeat of its own). */
    public static final int PONG = 0xA;

    /** The longest payload a control frame may carry. */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The largest message a decoder or reassembler accepts unless told otherwise: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private WebSocketFrames() {}

    /**
     * One frame as it was on the wire, payload unmasked.
     *
     * @param fin whether it is the last frame of its message
     * @param opcode the opcode
     * @param payload the payload
     */
    public record Frame(boolean fin, int opcode, byte[] payload) {

        /** Whether it is a control frame (close, ping, pong). */
        public boolean isControl() {
            return (opcode & 0x8) != 0;
        }
    }

    /**
     * A close frame's status.
     *
     * @param code the close code; 1005 when the frame had none, 1006 when the connection ended without one
     * @param reason the reason, or ""
     */
    public record Close(int code, String reason) {

        /**
         * The close as facts show it.
         *
         * @return "1008 Policy Violation "bad token""
         */
        public String describe() {
            return code + " " + closeCodeName(code) + (reason.isEmpty() ? "" : " " + WebSocketTranscript.quote(reason, false));
        }
    }

    /** The peer broke the protocol; the session must be closed with {@link #closeCode()}. */
    public static final class ProtocolException extends RuntimeException {

        private final int closeCode;

        ProtocolException(int closeCode, String message) {
            super(message);
            this.closeCode = closeCode;
        }

        /** The close code to fail the session with: 1002 (protocol error) or 1007 (invalid data). */
        public int closeCode() {
            return closeCode;
        }
    }

    // ---------------------------------------------------------------- encoding

    /**
     * A client frame, masked with a fresh random key as RFC 6455 section 5.3 requires.
     *
     * @param opcode the opcode
     * @param fin whether it ends its message
     * @param payload the payload (not changed)
     * @return the frame's bytes, ready to read
     */
    public static ByteBuffer encode(int opcode, boolean fin, byte[] payload) {
        return encode(opcode, fin, payload, ThreadLocalRandom.current().nextInt());
    }

    /**
     * A client frame masked with a given key (for tests of the encoding itself).
     *
     * @param opcode the opcode
     * @param fin whether it ends its message
     * @param payload the payload (not changed)
     * @param maskKey the masking key, big-endian
     * @return the frame's bytes, ready to read
     */
    public static ByteBuffer encode(int opcode, boolean fin, byte[] payload, int maskKey) {
        int length = payload.length;
        int header = 2 + (length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8) + 4;
        ByteBuffer out = ByteBuffer.allocate(header + length);
        out.put((byte) ((fin ? 0x80 : 0) | (opcode & 0x0F)));
        if (length <= 125) {
            out.put((byte) (0x80 | length));
        } else if (length <= 0xFFFF) {
            out.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            out.put((byte) (0x80 | 127)).putLong(length);
        }
        out.putInt(maskKey);
        byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        for (int i = 0; i < length; i++) {
            out.put((byte) (payload[i] ^ key[i & 3]));
        }
        return out.flip();
    }

    /**
     * The payload of a close frame: the code, then the reason in UTF-8.
     *
     * @param code a close code, 1000 to 4999
     * @param reason the reason; its UTF-8 form must fit the 123 bytes a control frame leaves
     * @return the payload
     * @throws IllegalArgumentException when the reason is too long
     */
    public static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_CONTROL_PAYLOAD - 2) {
            throw new IllegalArgumentException("a close reason may be at most " + (MAX_CONTROL_PAYLOAD - 2)
                    + " bytes of UTF-8, but \"" + reason + "\" is " + text.length);
        }
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    /**
     * Reads a close frame's payload (RFC 6455 5.5.1, 7.4).
     *
     * @param payload the payload: empty, or a code and a UTF-8 reason
     * @return the close; code 1005 for an empty payload
     * @throws ProtocolException for a 1-byte payload, a code that may not be sent, or a reason that is not UTF-8
     */
    public static Close parseClose(byte[] payload) {
        if (payload.length == 0) {
            return new Close(1005, "");
        }
        if (payload.length == 1) {
            throw new ProtocolException(1002, "the server sent a close frame with a 1-byte payload");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!isSendableCloseCode(code)) {
            throw new ProtocolException(1002, "the server sent close code " + code + ", which may not be sent (RFC 6455 7.4)");
        }
        String reason = strictUtf8(java.util.Arrays.copyOfRange(payload, 2, payload.length));
        if (reason == null) {
            throw new ProtocolException(1007, "the server's close reason is not valid UTF-8");
        }
        return new Close(code, reason);
    }

    // ---------------------------------------------------------------- handshake

    /**
     * A fresh {@code Sec-WebSocket-Key}: 16 random bytes in base64.
     *
     * @return the key
     */
    public static String newKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /**
     * The {@code Sec-WebSocket-Accept} a server must answer a key with: base64 of the SHA-1 of the
     * key and the protocol's GUID.
     *
     * <pre>{@code acceptFor("dGhlIHNhbXBsZSBub25jZQ==")   // "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" (RFC 6455 1.3)}</pre>
     *
     * @param key the key the client sent
     * @return the expected accept value
     */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1, which every Java platform must have", e);
        }
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes UTF-8 strictly, as text messages and close reasons must be (RFC 6455 8.1).
     *
     * @param bytes the bytes
     * @return the text, or null when the bytes are not valid UTF-8
     */
    public static @Nullable String strictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether a code may appear in a close frame on the wire (RFC 6455 7.4; 1005, 1006 and 1015 are
     * only ever reported locally).
     *
     * @param code the code
     * @return true when it may be sent
     */
    public static boolean isSendableCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    /**
     * Reads frames from a server out of the bytes as they arrive, whatever the chunks: several frames
     * in one chunk, one frame over several.
     */
    public static final class Decoder {

        private final int maxMessageBytes;
        private ByteBuffer buffer = ByteBuffer.allocate(1024).flip();

        /** A decoder refusing data frames over 16 MiB. */
        public Decoder() {
            this(DEFAULT_MAX_MESSAGE_BYTES);
        }

        /**
         * A decoder refusing data frames bigger than a message may be, before their payload arrives.
         *
         * @param maxMessageBytes the largest message
         */
        public Decoder(int maxMessageBytes) {
            this.maxMessageBytes = positive(maxMessageBytes);
        }

        /**
         * Adds bytes from the server.
         *
         * @param bytes the bytes (consumed)
         */
        public void feed(ByteBuffer bytes) {
            if (buffer.capacity() - buffer.limit() < bytes.remaining()) {
                int needed = buffer.remaining() + bytes.remaining();
                if (needed <= buffer.capacity()) {
                    buffer.compact().flip();
                } else {
                    ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, needed));
                    bigger.put(buffer).flip();
                    buffer = bigger;
                }
            }
            int position = buffer.position();
            buffer.position(buffer.limit()).limit(buffer.capacity());
            buffer.put(bytes);
            buffer.flip().position(position);
        }

        /** Whether part of a frame is waiting for the rest. */
        public boolean hasPartialFrame() {
            return buffer.hasRemaining();
        }

        /**
         * The next whole frame.
         *
         * @return the frame, or null until all of it has arrived
         * @throws ProtocolException when the server broke the protocol
         */
        public @Nullable Frame next() {
            ByteBuffer b = buffer;
            if (b.remaining() < 2) {
                return null;
            }
            int start = b.position();
            int b0 = b.get(start) & 0xFF;
            int b1 = b.get(start + 1) & 0xFF;
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0) {
                throw new ProtocolException(1002, "the server set reserved bits (RSV) in a frame header although no"
                        + " extension was negotiated: 0x" + Integer.toHexString(b0));
            }
            if (opcode > BINARY && opcode < CLOSE || opcode > PONG) {
                throw new ProtocolException(1002, "the server sent a frame with the reserved opcode 0x"
                        + Integer.toHexString(opcode));
            }
            if ((b1 & 0x80) != 0) {
                throw new ProtocolException(1002, "the server sent a masked frame; servers must not mask (RFC 6455 5.1)");
            }
            int lengthCode = b1 & 0x7F;
            int headerLength = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0);
            if (b.remaining() < headerLength) {
                return null;
            }
            long length = lengthCode == 126 ? b.getShort(start + 2) & 0xFFFF
                    : lengthCode == 127 ? b.getLong(start + 2) : lengthCode;
            if (length < 0) {
                throw new ProtocolException(1002, "the server sent a frame length with its most significant bit set,"
                        + " which RFC 6455 5.2 forbids: 0x" + Long.toHexString(length));
            }
            if ((opcode & 0x8) == 0 && length > maxMessageBytes) {
                throw tooBig(maxMessageBytes, "it sent a " + opcodeName(opcode) + " frame of "
                        + String.format(java.util.Locale.ROOT, "%,d", length) + " bytes");
            }
            if ((opcode & 0x8) != 0 && (!fin || length > MAX_CONTROL_PAYLOAD)) {
                throw new ProtocolException(1002, "the server sent a " + opcodeName(opcode) + " frame that is "
                        + (fin ? "longer than 125 bytes (" + length + ")" : "fragmented")
                        + "; control frames must be whole and at most 125 bytes");
            }
            if (b.remaining() < headerLength + length) {
                return null;
            }
            byte[] payload = new byte[(int) length];
            b.position(start + headerLength);
            b.get(payload);
            if (!b.hasRemaining()) {
                b.clear().flip();
            }
            return new Frame(fin, opcode, payload);
        }
    }

    /**
     * Joins data frames into messages: a text or binary frame, then continuations until the one with
     * FIN. Control frames may come between fragments and are not its business.
     */
    public static final class Reassembler {

        private final int maxMessageBytes;
        private int opcode = -1;
        private byte[] parts = new byte[0];
        private int length;
        private int fragments;

        /** A reassembler refusing messages over 16 MiB. */
        public Reassembler() {
            this(DEFAULT_MAX_MESSAGE_BYTES);
        }

        /**
         * A reassembler refusing messages whose fragments add up to more than a limit.
         *
         * @param maxMessageBytes the largest message
         */
        public Reassembler(int maxMessageBytes) {
            this.maxMessageBytes = positive(maxMessageBytes);
        }

        /**
         * Takes one data frame.
         *
         * @param frame a text, binary or continuation frame
         * @return the message's opcode and whole payload when this frame completes it, else null
         * @throws ProtocolException when the frames are out of order
         */
        public @Nullable Frame accept(Frame frame) {
            if (frame.opcode() == CONTINUATION) {
                if (opcode < 0) {
                    throw new ProtocolException(1002, "the server sent a continuation frame with no message to continue");
                }
            } else {
                if (opcode >= 0) {
                    throw new ProtocolException(1002, "the server started a new " + opcodeName(frame.opcode())
                            + " message before it finished the fragmented " + opcodeName(opcode) + " message");
                }
                if (frame.fin()) {
                    return frame;
                }
                opcode = frame.opcode();
                length = 0;
                fragments = 0;
            }
            if ((long) length + frame.payload().length > maxMessageBytes) {
                String kind = opcodeName(opcode);
                long total = (long) length + frame.payload().length;
                opcode = -1;
                parts = new byte[0];
                length = 0;
                throw tooBig(maxMessageBytes, "its " + kind + " fragments add up to "
                        + String.format(java.util.Locale.ROOT, "%,d", total) + " bytes so far");
            }
            append(frame.payload());
            fragments++;
            if (!frame.fin()) {
                return null;
            }
            byte[] whole = java.util.Arrays.copyOf(parts, length);
            Frame message = new Frame(true, opcode, whole);
            opcode = -1;
            parts = new byte[0];
            length = 0;
            return message;
        }

        /** How many fragments the last completed message had (1 when it was not fragmented). */
        public int fragmentsOfLast() {
            return Math.max(fragments, 1);
        }

        /** Whether a fragmented message has started and not yet ended. */
        public boolean inMessage() {
            return opcode >= 0;
        }

        private void append(byte[] payload) {
            if (parts.length - length < payload.length) {
                parts = java.util.Arrays.copyOf(parts, Math.max(parts.length * 2, length + payload.length));
            }
            System.arraycopy(payload, 0, parts, length, payload.length);
            length += payload.length;
        }
    }

    /** A message over the limit: the client closes with 1009 (Message Too Big) and says how to raise it. */
    private static ProtocolException tooBig(int limit, String detail) {
        return new ProtocolException(1009, LimitExceededException.of("a WebSocket message from the server", ": " + detail,
                limit, "withMaxMessageBytes", "").getMessage());
    }

    private static int positive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, but was " + limit);
        }
        return limit;
    }

    /**
     * The name of an opcode for messages and transcripts.
     *
     * @param opcode the opcode
     * @return "text", "binary", "continuation", "close", "ping", "pong" or "0x3"...
     */
    public static String opcodeName(int opcode) {
        return switch (opcode) {
            case CONTINUATION -> "continuation";
            case TEXT -> "text";
            case BINARY -> "binary";
            case CLOSE -> "close";
            case PING -> "ping";
            case PONG -> "pong";
            default -> "0x" + Integer.toHexString(opcode);
        };
    }

    /**
     * The name RFC 6455 gives a close code.
     *
     * @param code the code
     * @return "Normal Closure", "Policy Violation"... or "application code" / "unknown code"
     */
    public static String closeCodeName(int code) {
        return switch (code) {
            case 1000 -> "Normal Closure";
            case 1001 -> "Going Away";
            case 1002 -> "Protocol Error";
            case 1003 -> "Unsupported Data";
            case 1005 -> "No Status Received";
            case 1006 -> "Abnormal Closure";
            case 1007 -> "Invalid Payload Data";
            case 1008 -> "Policy Violation";
            case 1009 -> "Message Too Big";
            case 1010 -> "Mandatory Extension";
            case 1011 -> "Internal Server Error";
            case 1012 -> "Service Restart";
            case 1013 -> "Try Again Later";
            case 1014 -> "Bad Gateway";
            case 1015 -> "TLS Handshake";
            default -> code >= 4000 && code <= 4999 ? "private use" : code >= 3000 && code <= 3999 ? "registered use"
                    : "unknown code";
        };
    }
}
