package dev.testlet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestPlanTest {

    @Test
    void a_control_character_in_a_header_value_is_refused_naming_it() {
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-Trace", "a\u0007b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header X-Trace has a value with control character U+0007 at index 1; header values"
                        + " may hold visible characters, spaces and tabs only: encode the value (percent-encoding or Base64)");
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-Trace", "\u007f"))
                .hasMessageStartingWith("header X-Trace has a value with control character U+007F at index 0;");
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-Trace", "a\u001bb"))
                .hasMessageStartingWith("header X-Trace has a value with control character U+001B at index 1;");
    }

    @Test
    void line_breaks_and_nul_are_still_refused_as_breaking_the_line() {
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-A", "1\r\nX-Evil: 2"))
                .hasMessage("header X-A has a value with a carriage return at index 1; header values must be one line");
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-A", "1\n"))
                .hasMessage("header X-A has a value with a line feed at index 1; header values must be one line");
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-A", "\0"))
                .hasMessage("header X-A has a value with a NUL character at index 0; header values must be one line");
    }

    @Test
    void a_tab_and_latin_1_text_are_allowed() {
        RequestPlan plan = RequestPlan.of("GET", "/").withHeader("X-A", "a\tb").withHeader("X-Name", "café ÿ");

        assertThat(plan.headers().first("X-Name")).isEqualTo("café ÿ");
    }

    @Test
    void a_character_beyond_latin_1_is_refused_with_the_encodings_to_use() {
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-Name", "Zoë €5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header X-Name has a value with the character '€' (U+20AC) at index 4, which HTTP header"
                        + " values cannot carry (they are ISO-8859-1 on the wire); encode the value: percent-encoding"
                        + " (URLEncoder.encode(value, UTF_8)), Base64, or RFC 8187 for parameters"
                        + " (filename*=UTF-8''caf%C3%A9)");
        assertThatThrownBy(() -> RequestPlan.of("GET", "/").withHeader("X-Name", "a😀"))
                .hasMessageStartingWith("header X-Name has a value with the character '😀' (U+1F600) at index 1,");
    }
}
