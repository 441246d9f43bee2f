package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SnapshotFormatTest {

    private static SortedMap<String, String> entries(String... namesAndTexts) {
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            map.put(namesAndTexts[i], namesAndTexts[i + 1]);
        }
        return map;
    }

    @Test
    void writes_a_preamble_then_entries_sorted_by_name_then_the_end_line() {
        String text = SnapshotFormat.print("com.example.ItemsTest",
                entries("lists_items[2]", "GET /items\n200 OK", "creates_an_item", "POST /items\n201 Created\n\n{}"));

        assertThat(text).isEqualTo("""
                Testlet snapshots of com.example.ItemsTest, written by expectSnapshot().
                Rewrite them with -Dtestlet.snapshots=update; review the diff before committing.

                ═══ creates_an_item
                POST /items
                201 Created

                {}

                ═══ lists_items[2]
                GET /items
                200 OK

                ═══
                """);
        assertThat(SnapshotFormat.parse(text, "f")).isEqualTo(entries("lists_items[2]", "GET /items\n200 OK",
                "creates_an_item", "POST /items\n201 Created\n\n{}"));
    }

    @Test
    void escapes_only_content_lines_that_could_read_as_a_header() {
        String content = "═══ not a header\n\\═ backslash then mark\nplain \\ backslash\n ═ indented mark";
        String text = SnapshotFormat.print("T", entries("a", content));

        assertThat(text).contains("\n\\═══ not a header\n\\\\═ backslash then mark\nplain \\ backslash\n ═ indented mark\n");
        assertThat(SnapshotFormat.parse(text, "f")).containsEntry("a", content);
    }

    @Test
    void keeps_empty_content_trailing_newlines_and_blank_lines_exactly() {
        SortedMap<String, String> in = entries("empty", "", "newline", "\n", "trailing", "x\n\n", "crlf", "a\r\nb\r");

        assertThat(SnapshotFormat.parse(SnapshotFormat.print("T", in), "f")).isEqualTo(in);
    }

    @Test
    void escapes_names_with_backslashes_control_characters_and_trailing_spaces() {
        String name = "m/after \\ update\n\tx\u0001  ";
        String text = SnapshotFormat.print("T", entries(name, "v"));

        assertThat(text).contains("═══ m/after \\\\ update\\n\\tx\\u0001\\u0020\\u0020\n");
        assertThat(SnapshotFormat.parse(text, "f")).containsEntry(name, "v");
    }

    @Test
    void round_trips_thousands_of_random_entries_exactly() {
        Random random = new Random(20260101);
        String alphabet = "ab ═\\\n\r\t#[]/\u0000é😀{}\":";
        for (int file = 0; file < 100; file++) {
            SortedMap<String, String> in = new TreeMap<>();
            for (int e = random.nextInt(100); e > 0; e--) {
                in.put(randomText(random, alphabet, 1 + random.nextInt(12)), randomText(random, alphabet,
                        random.nextInt(200)));
            }
            String text = SnapshotFormat.print("T" + file, in);

            assertThat(SnapshotFormat.parse(text, "f")).isEqualTo(in);
            assertThat(SnapshotFormat.print("T" + file, SnapshotFormat.parse(text, "f"))).isEqualTo(text);
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            int at = random.nextInt(alphabet.codePointCount(0, alphabet.length()));
            out.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, at)));
        }
        return out.toString();
    }

    @Test
    void reads_a_file_whose_line_ends_were_turned_into_crlf_and_one_with_a_byte_order_mark() {
        String text = SnapshotFormat.print("T", entries("a", "x\ny", "b", ""));

        assertThat(SnapshotFormat.parse(text.replace("\n", "\r\n"), "f")).isEqualTo(entries("a", "x\ny", "b", ""));
        assertThat(SnapshotFormat.parse("\uFEFF" + text, "f")).isEqualTo(entries("a", "x\ny", "b", ""));
    }

    @Test
    void forgives_a_deleted_separator_line_and_trailing_blank_lines() {
        String text = "preamble\n═══ a\nx\n═══ b\ny\n\n═══\n\n\n";

        assertThat(SnapshotFormat.parse(text, "f")).isEqualTo(entries("a", "x", "b", "y"));
    }

    @Test
    void says_which_line_is_wrong_and_how_to_recover() {
        assertThatThrownBy(() -> SnapshotFormat.parse("═══ a\nx\n", "src/T.snap"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the snapshot file src/T.snap: line 2: the file does not end with the line"
                        + " '═══' (was it cut short or merged badly?); fix it by hand (it is plain text), or delete it"
                        + " and run the tests to write it again");
        assertThatThrownBy(() -> SnapshotFormat.parse("═══ a\n══x\n═══\n", "f"))
                .hasMessageContaining("line 2: a line starting with '═' must be a header '═══ name' or the end line"
                        + " '═══', but was '══x'");
        assertThatThrownBy(() -> SnapshotFormat.parse("═══ a\n\n═══ a\n\n═══\n", "f"))
                .hasMessageContaining("line 3: the snapshot 'a' appears twice");
        assertThatThrownBy(() -> SnapshotFormat.parse("═══ a\n\n═══\nmore\n", "f"))
                .hasMessageContaining("line 4: there is text after the end line '═══'");
        assertThatThrownBy(() -> SnapshotFormat.parse("═══ a\\q\n═══\n", "f"))
                .hasMessageContaining("line 1: '\\q' is not an escape in a snapshot name (use \\\\ for a backslash)");
        assertThatThrownBy(() -> SnapshotFormat.parse("═══ a\\u12\n═══\n", "f"))
                .hasMessageContaining("line 1: '\\u' in a snapshot name needs four hex digits");
    }

    @Test
    void an_empty_file_or_one_with_only_the_end_line_has_no_entries() {
        assertThat(SnapshotFormat.parse("preamble only\n═══\n", "f")).isEmpty();
        assertThat(SnapshotFormat.print("T", new TreeMap<>())).endsWith("before committing.\n\n═══\n");
    }
}
