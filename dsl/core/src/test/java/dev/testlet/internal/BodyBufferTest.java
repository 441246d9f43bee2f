package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyBufferTest {

    private final BodyBuffer body = new BodyBuffer(StandardCharsets.UTF_8);

    private void append(String s) {
        body.append(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    private void append(byte... b) {
        body.append(ByteBuffer.wrap(b));
    }

    @Test
    void lines_end_at_lf_crlf_or_cr_and_a_crlf_split_between_appends_is_one_line_end() {
        append("a\nb\r\nc\rd\r");
        assertThat(body.takeLine(false)).isEqualTo("a");
        assertThat(body.takeLine(false)).isEqualTo("b");
        assertThat(body.takeLine(false)).isEqualTo("c");
        assertThat(body.takeLine(false)).isEqualTo("d");
        assertThat(body.takeLine(false)).isNull();

        append("\ne\n");

        assertThat(body.takeLine(false)).isEqualTo("e");
        assertThat(body.isEmpty()).isTrue();
    }

    @Test
    void an_unterminated_last_line_is_a_line_once_the_body_ended() {
        append("tail");

        assertThat(body.takeLine(false)).isNull();
        assertThat(body.takeLine(true)).isEqualTo("tail");
        assertThat(body.takeLine(true)).isNull();
    }

    @Test
    void text_keeps_back_a_character_split_between_appends() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        append("price ");
        append(euro[0], euro[1]);

        assertThat(body.takeText(false)).isEqualTo("price ");
        assertThat(body.takeText(false)).isEmpty();

        append(euro[2]);

        assertThat(body.takeText(false)).isEqualTo("€");
    }

    @Test
    void incomplete_bytes_at_the_end_become_a_replacement_character() {
        append((byte) 0xE2, (byte) 0x82);

        assertThat(body.takeText(true)).isEqualTo("\uFFFD");
    }

    @Test
    void bytes_and_peek_see_everything_waiting() {
        append("xyz");

        assertThat(body.peek()).isEqualTo("xyz");
        assertThat(body.takeBytes()).containsExactly('x', 'y', 'z');
        assertThat(body.isEmpty()).isTrue();
    }

    @Test
    void the_buffer_grows_and_compacts_keeping_the_order() {
        int read = 0;
        for (int i = 0; i < 1_000; i++) {
            append("line " + i + "\n");
            if (i % 2 == 0) {
                assertThat(body.takeLine(false)).isEqualTo("line " + read++);
            }
        }
        String line;
        while ((line = body.takeLine(false)) != null) {
            assertThat(line).isEqualTo("line " + read++);
        }
        assertThat(read).isEqualTo(1_000);
    }

    @Test
    void a_20_megabyte_line_fed_in_4_kilobyte_chunks_fails_quickly_at_the_line_limit() {
        BodyBuffer lines = new BodyBuffer(StandardCharsets.UTF_8);
        byte[] chunk = new byte[4096];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long begin = System.nanoTime();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            for (int i = 0; i < 20_000_000 / chunk.length; i++) {
                lines.append(ByteBuffer.wrap(chunk));
                assertThat(lines.takeLine(false)).isNull();
            }
        });

        assertThat(thrown).isInstanceOf(LimitExceededException.class)
                .hasMessage("a line of the body exceeds the limit of 1 MiB (1,048,576 bytes) and has no line end yet;"
                        + " it starts: \"" + "x".repeat(200) + "...\"; to raise the limit:"
                        + " client.withLimits(client.limits().withMaxLineBytes(4 * 1024 * 1024))");
        assertThat((System.nanoTime() - begin) / 1_000_000).as("milliseconds").isLessThan(2_000);
    }

    @Test
    void finding_the_next_line_does_not_rescan_what_was_scanned_before() {
        BodyBuffer lines = new BodyBuffer(StandardCharsets.UTF_8, 64 * 1024 * 1024);
        byte[] chunk = new byte[1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long begin = System.nanoTime();

        for (int i = 0; i < 32 * 1024; i++) {
            lines.append(ByteBuffer.wrap(chunk));
            assertThat(lines.takeLine(false)).isNull();
        }
        lines.append(ByteBuffer.wrap(new byte[] {'\n'}));

        assertThat(lines.takeLine(false)).hasSize(32 * 1024 * 1024);
        assertThat((System.nanoTime() - begin) / 1_000_000).as("milliseconds for 32 MiB in 1 KiB chunks").isLessThan(3_000);
    }

    @Test
    void a_whole_line_longer_than_the_limit_fails_and_one_at_the_limit_passes() {
        BodyBuffer lines = new BodyBuffer(StandardCharsets.UTF_8, 8);
        lines.append(ByteBuffer.wrap("12345678\r\n123456789\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(lines.takeLine(false)).isEqualTo("12345678");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lines.takeLine(false))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("a line of the body exceeds the limit of 8 bytes; it starts: \"123456789\"; to raise the limit:"
                        + " client.withLimits(client.limits().withMaxLineBytes(32))");
    }

    @Test
    void the_last_line_at_the_end_of_the_body_is_held_to_the_limit_too() {
        BodyBuffer lines = new BodyBuffer(StandardCharsets.UTF_8, 4);
        lines.append(ByteBuffer.wrap("abcd".getBytes(StandardCharsets.UTF_8)));
        assertThat(lines.takeLine(true)).isEqualTo("abcd");

        lines.append(ByteBuffer.wrap("abcde".getBytes(StandardCharsets.UTF_8)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lines.takeLine(true))
                .hasMessageStartingWith("a line of the body exceeds the limit of 4 bytes and has no line end yet;");
    }

    @Test
    void peek_shows_a_capped_preview_without_decoding_everything() {
        BodyBuffer big = new BodyBuffer(StandardCharsets.UTF_8);
        big.append(ByteBuffer.wrap("q".repeat(3_000_000).getBytes(StandardCharsets.UTF_8)));

        String preview = big.peek();

        assertThat(preview).hasSizeLessThan(5_000).startsWith("qqq").endsWith("(3,000,000 bytes in all; not shown: 2,996,000)");
    }
}
