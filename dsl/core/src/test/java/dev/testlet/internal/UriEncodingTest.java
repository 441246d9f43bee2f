package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriEncodingTest {

    @Test
    void component_encodes_everything_but_unreserved_in_utf8() {
        assertThat(UriEncoding.component("a-b_c.d~e")).isEqualTo("a-b_c.d~e");
        assertThat(UriEncoding.component("a b+c&d=e/f")).isEqualTo("a%20b%2Bc%26d%3De%2Ff");
        assertThat(UriEncoding.component("😀")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void path_keeps_reserved_characters_and_existing_escapes() {
        assertThat(UriEncoding.path("/a/b;v=1/c:d@e?x=1&y=%20")).isEqualTo("/a/b;v=1/c:d@e?x=1&y=%20");
        assertThat(UriEncoding.path("/100% sure")).isEqualTo("/100%25%20sure");
    }

    @Test
    void expand_fills_placeholders_in_order() {
        assertThat(UriEncoding.expand("/users/{user}/items/{id}", new Object[] {"zoë", 7}))
                .isEqualTo("/users/zo%C3%AB/items/7");
    }

    @Test
    void expand_refuses_unclosed_braces_and_null_values() {
        assertThatThrownBy(() -> UriEncoding.expand("/a/{id", new Object[] {1}))
                .hasMessage("path /a/{id has a '{' without a closing '}'");
        assertThatThrownBy(() -> UriEncoding.expand("/a/{id}", new Object[] {null}))
                .hasMessage("the value for {id} in /a/{id} is null; every placeholder needs a value");
    }

    @Test
    void query_joins_encoded_pairs() {
        assertThat(UriEncoding.query(List.of(Map.entry("q", "a b"), Map.entry("n", "1")))).isEqualTo("q=a%20b&n=1");
    }

    @Test
    void a_fragment_in_the_path_is_dropped_as_http_clients_do() {
        assertThat(UriEncoding.path("/page#section")).isEqualTo("/page");
        assertThat(UriEncoding.path("/a?x=1#frag")).isEqualTo("/a?x=1");
        assertThat(UriEncoding.path("/a b#c d")).isEqualTo("/a%20b");
        assertThat(UriEncoding.path("/#")).isEqualTo("/");
    }

    @Test
    void a_hash_in_a_template_value_stays_data() {
        String expanded = UriEncoding.expand("/tags/{t}", new Object[] {"c#"});

        assertThat(UriEncoding.path(expanded)).isEqualTo("/tags/c%23");
    }
}
