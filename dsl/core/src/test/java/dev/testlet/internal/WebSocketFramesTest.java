package dev.testlet.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6455 at the byte level, with the RFC's own examples where it has them. */
class WebSocketFramesTest {

    // ---------------------------------------------------------------- encoding (client frames)

    @Test
    void a_masked_hello_is_the_example_of_rfc_6455_section_5_7() {
        ByteBuffer frame = WebSocketFrames.encode(WebSocketFrames.TEXT, true, "Hello".getBytes(UTF_8), 0x37fa213d);

        assertThat(bytes(frame)).containsExactly(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
    }

    @Test
    void every_client_frame_is_masked_with_a_fresh_key() {
        byte[] payload = "same payload".getBytes(UTF_8);
        int[] first = bytes(WebSocketFrames.encode(WebSocketFrames.TEXT, true, payload));
        int[] second = bytes(WebSocketFrames.encode(WebSocketFrames.TEXT, true, payload));

        assertThat(first[1] & 0x80).as("mask bit").isEqualTo(0x80);
        assertThat(java.util.Arrays.copyOfRange(first, 2, 6)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 2, 6));
        assertThat(unmask(first, 2)).isEqualTo(payload);
        assertThat(unmask(second, 2)).isEqualTo(payload);
    }

    @Test
    void lengths_use_7_16_or_64_bits() {
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.BINARY, true, new byte[125], 0))).startsWith(0x82, 0x80 | 125);
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.BINARY, true, new byte[126], 0)))
                .startsWith(0x82, 0x80 | 126, 0x00, 0x7E);
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.BINARY, true, new byte[65_535], 0)))
                .startsWith(0x82, 0x80 | 126, 0xFF, 0xFF);
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.BINARY, true, new byte[65_536], 0)))
                .startsWith(0x82, 0x80 | 127, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00);
        assertThat(WebSocketFrames.encode(WebSocketFrames.BINARY, true, new byte[65_536], 0).remaining())
                .isEqualTo(2 + 8 + 4 + 65_536);
    }

    @Test
    void fin_and_opcode_share_the_first_byte() {
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.TEXT, false, new byte[0], 0))[0]).isEqualTo(0x01);
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.CONTINUATION, true, new byte[0], 0))[0]).isEqualTo(0x80);
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.PING, true, new byte[0], 0))[0]).isEqualTo(0x89);
        assertThat(bytes(WebSocketFrames.encode(WebSocketFrames.CLOSE, true, new byte[0], 0))[0]).isEqualTo(0x88);
    }

    @Test
    void a_close_payload_is_the_code_then_the_reason_in_utf_8() {
        assertThat(WebSocketFrames.closePayload(1008, "bad ✓")).containsExactly(0x03, 0xF0, 'b', 'a', 'd', ' ', 0xE2, 0x9C, 0x93);
        assertThatThrownBy(() -> WebSocketFrames.closePayload(1000, "x".repeat(124)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 123 bytes");
    }

    // ---------------------------------------------------------------- handshake

    @Test
    void the_accept_value_is_the_example_of_rfc_6455_section_1_3() {
        assertThat(WebSocketFrames.acceptFor("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void a_key_is_16_random_bytes_in_base64() {
        String key = WebSocketFrames.newKey();

        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(16);
        assertThat(WebSocketFrames.newKey()).isNotEqualTo(key);
    }

    // ---------------------------------------------------------------- decoding (server frames)

    @Test
    void an_unmasked_hello_and_a_fragmented_one_decode_as_in_rfc_6455_section_5_7() {
        List<WebSocketFrames.Frame> frames = decode(0x81, 0x05, 'H', 'e', 'l', 'l', 'o',
                0x01, 0x03, 'H', 'e', 'l', 0x80, 0x02, 'l', 'o');

        assertThat(frames).hasSize(3);
        assertThat(frames.get(0).fin()).isTrue();
        assertThat(new String(frames.get(0).payload(), UTF_8)).isEqualTo("Hello");
        assertThat(frames.get(1).fin()).isFalse();
        assertThat(frames.get(1).opcode()).isEqualTo(WebSocketFrames.TEXT);
        assertThat(frames.get(2).opcode()).isEqualTo(WebSocketFrames.CONTINUATION);
    }

    @Test
    void frames_decode_whatever_the_chunks() {
        int[] wire = {0x89, 0x05, 'H', 'e', 'l', 'l', 'o', 0x82, 0x7E, 0x01, 0x00};
        byte[] all = new byte[wire.length + 256];
        for (int i = 0; i < wire.length; i++) {
            all[i] = (byte) wire[i];
        }
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder();
        List<WebSocketFrames.Frame> frames = new ArrayList<>();
        for (byte b : all) {
            decoder.feed(ByteBuffer.wrap(new byte[] {b}));
            WebSocketFrames.Frame f;
            while ((f = decoder.next()) != null) {
                frames.add(f);
            }
        }

        assertThat(frames).extracting(WebSocketFrames.Frame::opcode).containsExactly(WebSocketFrames.PING, WebSocketFrames.BINARY);
        assertThat(frames.get(1).payload()).hasSize(256);
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Test
    void a_64_bit_length_decodes() {
        byte[] frame = new byte[10 + 70_000];
        frame[0] = (byte) 0x82;
        frame[1] = 127;
        ByteBuffer.wrap(frame, 2, 8).putLong(70_000);
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder();
        decoder.feed(ByteBuffer.wrap(frame, 0, 5000));
        assertThat(decoder.next()).isNull();
        decoder.feed(ByteBuffer.wrap(frame, 5000, frame.length - 5000));

        assertThat(decoder.next().payload()).hasSize(70_000);
    }

    @Test
    void a_masked_server_frame_is_a_protocol_error() {
        assertProtocolError(1002, "servers must not mask", 0x81, 0x81, 1, 2, 3, 4, 'x');
    }

    @Test
    void reserved_bits_and_opcodes_are_protocol_errors() {
        assertProtocolError(1002, "reserved bits", 0xC1, 0x00);
        assertProtocolError(1002, "reserved opcode 0x3", 0x83, 0x00);
        assertProtocolError(1002, "reserved opcode 0xb", 0x8B, 0x00);
    }

    @Test
    void control_frames_must_be_whole_and_short() {
        assertProtocolError(1002, "fragmented", 0x09, 0x00);
        int[] longPing = new int[2 + 126 + 2];
        longPing[0] = 0x89;
        longPing[1] = 126;
        longPing[3] = 126;
        assertProtocolError(1002, "longer than 125 bytes", longPing);
    }

    @Test
    void messages_are_reassembled_with_control_frames_between_fragments() {
        WebSocketFrames.Reassembler messages = new WebSocketFrames.Reassembler();

        assertThat(messages.accept(new WebSocketFrames.Frame(false, WebSocketFrames.TEXT, "Hel".getBytes(UTF_8)))).isNull();
        assertThat(messages.inMessage()).isTrue();
        WebSocketFrames.Frame whole = messages.accept(new WebSocketFrames.Frame(true, WebSocketFrames.CONTINUATION, "lo".getBytes(UTF_8)));

        assertThat(new String(whole.payload(), UTF_8)).isEqualTo("Hello");
        assertThat(whole.opcode()).isEqualTo(WebSocketFrames.TEXT);
        assertThat(messages.fragmentsOfLast()).isEqualTo(2);
        assertThat(messages.inMessage()).isFalse();
    }

    @Test
    void a_frame_announcing_more_than_the_message_limit_fails_at_its_header_with_1009_naming_the_limit() {
        byte[] header = new byte[10];
        header[0] = (byte) 0x82;
        header[1] = 127;
        ByteBuffer.wrap(header, 2, 8).putLong(20_000_000);
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder();
        decoder.feed(ByteBuffer.wrap(header));

        assertThatThrownBy(decoder::next)
                .isInstanceOfSatisfying(WebSocketFrames.ProtocolException.class, e -> assertThat(e.closeCode()).isEqualTo(1009))
                .hasMessage("a WebSocket message from the server exceeds the limit of 16 MiB (16,777,216 bytes):"
                        + " it sent a binary frame of 20,000,000 bytes; to raise the limit:"
                        + " client.withLimits(client.limits().withMaxMessageBytes(64 * 1024 * 1024))");
    }

    @Test
    void fragments_adding_up_past_the_message_limit_fail_with_1009_naming_the_limit() {
        WebSocketFrames.Reassembler messages = new WebSocketFrames.Reassembler();
        byte[] mebibyte = new byte[1024 * 1024];
        messages.accept(new WebSocketFrames.Frame(false, WebSocketFrames.TEXT, mebibyte));
        for (int i = 1; i < 16; i++) {
            assertThat(messages.accept(new WebSocketFrames.Frame(false, WebSocketFrames.CONTINUATION, mebibyte))).isNull();
        }

        assertThatThrownBy(() -> messages.accept(new WebSocketFrames.Frame(false, WebSocketFrames.CONTINUATION, new byte[1])))
                .isInstanceOfSatisfying(WebSocketFrames.ProtocolException.class, e -> assertThat(e.closeCode()).isEqualTo(1009))
                .hasMessage("a WebSocket message from the server exceeds the limit of 16 MiB (16,777,216 bytes):"
                        + " its text fragments add up to 16,777,217 bytes so far; to raise the limit:"
                        + " client.withLimits(client.limits().withMaxMessageBytes(64 * 1024 * 1024))");
    }

    @Test
    void a_length_with_its_top_bit_set_is_a_protocol_error_also_on_a_control_frame() {
        assertProtocolError(1002, "most significant bit set", 0x89, 127, 0xFF, 0, 0, 0, 0, 0, 0, 0);
        assertProtocolError(1002, "most significant bit set", 0x82, 127, 0x80, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void a_message_at_the_limit_passes_and_control_frames_are_not_counted() {
        WebSocketFrames.Reassembler messages = new WebSocketFrames.Reassembler(10);
        messages.accept(new WebSocketFrames.Frame(false, WebSocketFrames.BINARY, new byte[6]));

        assertThat(messages.accept(new WebSocketFrames.Frame(true, WebSocketFrames.CONTINUATION, new byte[4])).payload()).hasSize(10);
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder(4);
        decoder.feed(ByteBuffer.wrap(new byte[] {(byte) 0x89, 5, 1, 2, 3, 4, 5, (byte) 0x81, 4, 'a', 'b', 'c', 'd'}));
        assertThat(decoder.next().payload()).hasSize(5);
        assertThat(decoder.next().payload()).hasSize(4);
    }

    @Test
    void fragments_out_of_order_are_protocol_errors() {
        WebSocketFrames.Reassembler messages = new WebSocketFrames.Reassembler();
        assertThatThrownBy(() -> messages.accept(new WebSocketFrames.Frame(true, WebSocketFrames.CONTINUATION, new byte[0])))
                .isInstanceOf(WebSocketFrames.ProtocolException.class)
                .hasMessageContaining("no message to continue");

        messages.accept(new WebSocketFrames.Frame(false, WebSocketFrames.BINARY, new byte[] {1}));
        assertThatThrownBy(() -> messages.accept(new WebSocketFrames.Frame(true, WebSocketFrames.TEXT, new byte[0])))
                .isInstanceOf(WebSocketFrames.ProtocolException.class)
                .hasMessageContaining("before it finished the fragmented binary message");
    }

    @Test
    void text_must_be_valid_utf_8() {
        assertThat(WebSocketFrames.strictUtf8("héllo".getBytes(UTF_8))).isEqualTo("héllo");
        assertThat(WebSocketFrames.strictUtf8(new byte[] {(byte) 0xC3})).isNull();
        assertThat(WebSocketFrames.strictUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).as("a surrogate").isNull();
    }

    @Test
    void close_payloads_parse_strictly() {
        assertThat(WebSocketFrames.parseClose(new byte[0])).isEqualTo(new WebSocketFrames.Close(1005, ""));
        assertThat(WebSocketFrames.parseClose(WebSocketFrames.closePayload(1008, "bad token")))
                .isEqualTo(new WebSocketFrames.Close(1008, "bad token"));
        assertThat(WebSocketFrames.parseClose(new byte[] {0x0F, (byte) 0xA0}).code()).isEqualTo(4000);

        assertThatThrownBy(() -> WebSocketFrames.parseClose(new byte[] {0x03}))
                .hasMessageContaining("1-byte payload");
        assertThatThrownBy(() -> WebSocketFrames.parseClose(new byte[] {0x03, (byte) 0xED}))
                .hasMessageContaining("close code 1005, which may not be sent");
        assertThatThrownBy(() -> WebSocketFrames.parseClose(new byte[] {0x03, (byte) 0xE8, (byte) 0xC3}))
                .isInstanceOf(WebSocketFrames.ProtocolException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void close_codes_have_their_rfc_names() {
        assertThat(WebSocketFrames.closeCodeName(1000)).isEqualTo("Normal Closure");
        assertThat(WebSocketFrames.closeCodeName(1008)).isEqualTo("Policy Violation");
        assertThat(WebSocketFrames.closeCodeName(1011)).isEqualTo("Internal Server Error");
        assertThat(WebSocketFrames.closeCodeName(4001)).isEqualTo("private use");
        assertThat(WebSocketFrames.isSendableCloseCode(1006)).isFalse();
        assertThat(WebSocketFrames.isSendableCloseCode(4999)).isTrue();
    }

    // ---------------------------------------------------------------- helpers

    private static int[] bytes(ByteBuffer buffer) {
        int[] out = new int[buffer.remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer.get(buffer.position() + i) & 0xFF;
        }
        return out;
    }

    private static byte[] unmask(int[] frame, int keyAt) {
        byte[] payload = new byte[frame.length - keyAt - 4];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (frame[keyAt + 4 + i] ^ frame[keyAt + (i & 3)]);
        }
        return payload;
    }

    private static List<WebSocketFrames.Frame> decode(int... wire) {
        byte[] b = new byte[wire.length];
        for (int i = 0; i < wire.length; i++) {
            b[i] = (byte) wire[i];
        }
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder();
        decoder.feed(ByteBuffer.wrap(b));
        List<WebSocketFrames.Frame> frames = new ArrayList<>();
        WebSocketFrames.Frame f;
        while ((f = decoder.next()) != null) {
            frames.add(f);
        }
        return frames;
    }

    private static void assertProtocolError(int code, String message, int... wire) {
        assertThatThrownBy(() -> decode(wire))
                .isInstanceOfSatisfying(WebSocketFrames.ProtocolException.class, e -> assertThat(e.closeCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
