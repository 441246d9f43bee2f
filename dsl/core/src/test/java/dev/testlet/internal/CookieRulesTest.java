package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CookieRulesTest {

    private static final String VALUE_RULE = "; a cookie value may hold letters, digits and"
            + " !#$%&'()*+-./:<=>?@[]^_`{|}~ only, optionally in double quotes (RFC 6265):"
            + " encode it, for example with URLEncoder.encode(value, UTF_8) or Base64";

    @Test
    void a_semicolon_in_a_value_is_refused_instead_of_sending_a_second_cookie() {
        assertThatThrownBy(() -> CookieRules.check("session", "guest; admin=true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cookie session has a value with ';' at index 5" + VALUE_RULE);
    }

    @Test
    void other_characters_outside_cookie_octets_are_named() {
        assertThatThrownBy(() -> CookieRules.check("a", "x y")).hasMessage("cookie a has a value with a space at index 1" + VALUE_RULE);
        assertThatThrownBy(() -> CookieRules.check("a", "1,2")).hasMessage("cookie a has a value with ',' at index 1" + VALUE_RULE);
        assertThatThrownBy(() -> CookieRules.check("a", "c:\\x")).hasMessage("cookie a has a value with '\\' at index 2" + VALUE_RULE);
        assertThatThrownBy(() -> CookieRules.check("a", "\"x")).hasMessage("cookie a has a value with a double quote at index 0" + VALUE_RULE);
        assertThatThrownBy(() -> CookieRules.check("a", "x\ty")).hasMessage("cookie a has a value with control character U+0009 at index 1" + VALUE_RULE);
        assertThatThrownBy(() -> CookieRules.check("a", "café")).hasMessage("cookie a has a value with the non-ASCII character 'é' (U+00E9) at index 3" + VALUE_RULE);
        assertThatThrownBy(() -> CookieRules.check("a", "\"a\"b\"")).hasMessage("cookie a has a value with a double quote at index 2" + VALUE_RULE);
    }

    @Test
    void names_must_be_tokens() {
        String rule = "; a cookie name may hold letters, digits and !#$%&'*+-.^_`|~ only (RFC 6265)";
        assertThatThrownBy(() -> CookieRules.check("a=b", "1")).hasMessage("cookie name \"a=b\" has '=' at index 1" + rule);
        assertThatThrownBy(() -> CookieRules.check("a;b", "1")).hasMessage("cookie name \"a;b\" has ';' at index 1" + rule);
        assertThatThrownBy(() -> CookieRules.check("my cookie", "1")).hasMessage("cookie name \"my cookie\" has a space at index 2" + rule);
        assertThatThrownBy(() -> CookieRules.check("", "1")).hasMessage("a cookie needs a name, but got \"\"");
        assertThatThrownBy(() -> CookieRules.check(null, "1")).hasMessage("a cookie needs a name, but got null");
        assertThatThrownBy(() -> CookieRules.check("a", null)).hasMessage("cookie a has a null value; use \"\" for an empty value");
    }

    @Test
    void valid_names_and_values_pass_including_quoted_and_empty_values() {
        assertThatCode(() -> {
            CookieRules.check("session_id", "abc123");
            CookieRules.check("__Host-sid", "x.y-z_~!#$%&'()*+/:<=>?@[]^`{|}");
            CookieRules.check("q", "\"quoted value-less\"".replace(" ", "_"));
            CookieRules.check("q", "\"\"");
            CookieRules.check("empty", "");
            CookieRules.check("b64", "YWRtaW49dHJ1ZQ==");
        }).doesNotThrowAnyException();
    }
}
