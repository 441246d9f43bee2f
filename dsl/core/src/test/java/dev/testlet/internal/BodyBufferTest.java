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
}
