package dev.testlet.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyTextTest {

    @Test
    void an_unknown_charset_is_named_and_the_text_decoded_as_utf_8() {
        assertThat(BodyText.charset("text/plain; charset=klingon")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(BodyText.charsetProblem("text/plain; charset=klingon")).isEqualTo("the Content-Type names the"
                + " charset \"klingon\", which this JVM does not support; the text was decoded as UTF-8 instead");
        assertThat(BodyText.charsetProblem("text/html; charset=\"utf 8\"; q=1")).isEqualTo("the Content-Type names the"
                + " charset \"utf 8\", which is not a valid charset name; the text was decoded as UTF-8 instead");
    }

    @Test
    void a_known_charset_or_none_is_no_problem() {
        assertThat(BodyText.charsetProblem("text/plain; charset=\"ISO-8859-1\"")).isNull();
        assertThat(BodyText.charset("text/plain; charset=\"ISO-8859-1\"")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(BodyText.charsetProblem("text/plain")).isNull();
        assertThat(BodyText.charsetProblem(null)).isNull();
        assertThat(BodyText.charsetProblem("application/json; charset=whatever")).as("JSON is UTF-8 whatever it says").isNull();
    }
}
