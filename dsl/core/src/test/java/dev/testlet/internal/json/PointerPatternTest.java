package dev.testlet.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PointerPatternTest {

    @Test
    void a_literal_pointer_matches_only_its_own_location() {
        PointerPattern p = PointerPattern.compile("/items/0/id");

        assertThat(p.matches(List.of("items", "0", "id"))).isTrue();
        assertThat(p.matches(List.of("items", "1", "id"))).isFalse();
        assertThat(p.matches(List.of("items", "0"))).isFalse();
        assertThat(p.matches(List.of("items", "0", "id", "x"))).isFalse();
        assertThat(p.isLiteral()).isTrue();
    }

    @Test
    void star_matches_any_one_segment() {
        PointerPattern p = PointerPattern.compile("/items/*/id");

        assertThat(p.matches(List.of("items", "7", "id"))).isTrue();
        assertThat(p.matches(List.of("items", "name", "id"))).isTrue();
        assertThat(p.matches(List.of("items", "id"))).isFalse();
        assertThat(p.isLiteral()).isFalse();
    }

    @Test
    void double_star_matches_any_number_of_levels_including_none() {
        PointerPattern p = PointerPattern.compile("/**/createdAt");

        assertThat(p.matches(List.of("createdAt"))).isTrue();
        assertThat(p.matches(List.of("a", "3", "b", "createdAt"))).isTrue();
        assertThat(p.matches(List.of("a", "createdAt", "b"))).isFalse();
        assertThat(PointerPattern.compile("/a/**").matches(List.of("a"))).isTrue();
        assertThat(PointerPattern.compile("/a/**").matches(List.of("a", "b", "c"))).isTrue();
    }

    @Test
    void the_empty_pattern_is_the_whole_document() {
        assertThat(PointerPattern.compile("").matches(List.of())).isTrue();
        assertThat(PointerPattern.compile("").matches(List.of("a"))).isFalse();
    }

    @Test
    void unescapes_tilde_sequences_and_escapes_them_back_in_pointers() {
        assertThat(PointerPattern.compile("/a~1b/c~0d").matches(List.of("a/b", "c~d"))).isTrue();
        assertThat(PointerPattern.pointer(List.of("a/b", "c~d", "0"))).isEqualTo("/a~1b/c~0d/0");
        assertThat(PointerPattern.pointer(List.of())).isEmpty();
    }

    @Test
    void rejects_what_is_not_a_pointer_pattern_and_says_the_right_form() {
        assertThatThrownBy(() -> PointerPattern.compile("items.id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'items.id' is not a JSON Pointer pattern: it must be \"\" for the whole document or start"
                        + " with '/', as in \"/items/*/id\" (* is any one member or element, ** any number of levels)");
        assertThatThrownBy(() -> PointerPattern.compile("/a~2"))
                .hasMessage("'/a~2' is not a valid JSON Pointer pattern: '~' must be followed by 0 or 1 (write ~0 for"
                        + " '~' and ~1 for '/' inside a name)");
    }
}
