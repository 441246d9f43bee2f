package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.internal.EventStreamParser.Event;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@code text/event-stream} parser at byte level, against the rules and examples of the HTML
 * Standard's "interpreting an event stream" section, fed whole, a byte at a time, and in random pieces.
 */
class EventStreamParserTest {

    private final EventStreamParser parser = new EventStreamParser();

    private List<Event> feedWhole(String stream) {
        return feedWhole(stream.getBytes(StandardCharsets.UTF_8));
    }

    private List<Event> feedWhole(byte[] bytes) {
        List<Event> events = new ArrayList<>();
        parser.feed(bytes, events::add);
        return events;
    }

    private static List<Event> feedBytewise(byte[] bytes) {
        EventStreamParser p = new EventStreamParser();
        List<Event> events = new ArrayList<>();
        for (byte b : bytes) {
            p.feed(new byte[] {b}, events::add);
        }
        return events;
    }

    private static Event event(String data) {
        return new Event("message", data, "", null);
    }

    @Test
    void an_event_is_dispatched_at_the_blank_line_with_type_message_by_default() {
        List<Event> events = feedWhole("data: hello\n\nevent: tick\ndata: 1\n\n");

        assertThat(events).containsExactly(event("hello"), new Event("tick", "1", "", null));
        assertThat(parser.dispatched()).isEqualTo(2);
    }

    @Test
    void nothing_is_dispatched_before_the_blank_line() {
        assertThat(feedWhole("data: hello\n")).isEmpty();
        assertThat(parser.pending()).isEqualTo("data \"hello\"");

        assertThat(feedWhole("\n")).containsExactly(event("hello"));
        assertThat(parser.pending()).isEmpty();
    }

    @Test
    void data_lines_are_joined_with_line_feeds_and_one_trailing_line_feed_is_removed() {
        List<Event> events = feedWhole("data: YHOO\ndata: +2\ndata: 10\n\ndata:\ndata:\n\n");

        assertThat(events).containsExactly(event("YHOO\n+2\n10"), event("\n"));
    }

    @Test
    void the_standards_example_fires_an_empty_event_then_one_with_a_line_feed_and_drops_the_unfinished_one() {
        // "data\n\ndata\ndata\n\ndata:" from the standard: two events, "" and "\n"; the last is discarded.
        List<Event> events = feedWhole("data\n\ndata\ndata\n\ndata:");
        parser.end();

        assertThat(events).containsExactly(event(""), event("\n"));
    }

    @Test
    void only_one_leading_space_is_removed_from_a_value() {
        List<Event> events = feedWhole("data:test\n\ndata: test\n\ndata:  two spaces\n\n");

        assertThat(events).extracting(Event::data).containsExactly("test", "test", " two spaces");
    }

    @Test
    void the_standards_stream_with_ids_sets_and_resets_the_last_event_id() {
        // The standard's example: the id persists, "id" alone resets it, the third event never ends.
        List<Event> events = feedWhole(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\n"
                + "data:  third event\n");
        parser.end();

        assertThat(events).containsExactly(new Event("message", "first event", "1", null),
                new Event("message", "second event", "", null));
        assertThat(parser.comments()).isEqualTo(1);
    }

    @Test
    void an_id_persists_across_events_until_the_stream_sets_another() {
        List<Event> events = feedWhole("id: 7\ndata: a\n\ndata: b\n\nid: 8\ndata: c\n\n");

        assertThat(events).extracting(Event::lastEventId).containsExactly("7", "7", "8");
        assertThat(parser.lastEventId()).isEqualTo("8");
    }

    @Test
    void an_id_containing_nul_is_ignored() {
        List<Event> events = feedWhole("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n");

        assertThat(events).extracting(Event::lastEventId).containsExactly("1", "1");
    }

    @Test
    void a_block_without_data_dispatches_nothing_but_updates_the_last_event_id_and_clears_the_type() {
        List<Event> events = feedWhole("event: ping\nid: 5\n\ndata: after\n\n");

        assertThat(events).containsExactly(new Event("message", "after", "5", null));
        assertThat(parser.dispatched()).isEqualTo(1);
    }

    @Test
    void retry_is_taken_only_when_it_is_ascii_digits() {
        List<Event> events = feedWhole("retry: 1500\ndata: a\n\nretry: 10a\ndata: b\n\nretry:\ndata: c\n\n"
                + "retry: -5\ndata: d\n\nretry: 99999999999999999999\ndata: e\n\n");

        assertThat(events).extracting(Event::retryMillis).containsExactly(1500L, null, null, null, null);
        assertThat(parser.reconnectionTime()).isEqualTo(1500L);
    }

    @Test
    void a_retry_in_a_block_without_data_goes_with_the_next_event() {
        List<Event> events = feedWhole("retry: 10000\n\ndata: a\n\ndata: b\n\n");

        assertThat(events).extracting(Event::retryMillis).containsExactly(10000L, null);
    }

    @Test
    void comments_are_skipped_and_counted() {
        List<Event> events = feedWhole(":\n: heartbeat\ndata: a\n:inside\ndata: b\n\n:\n\n");

        assertThat(events).containsExactly(event("a\nb"));
        assertThat(parser.comments()).isEqualTo(4);
    }

    @Test
    void a_line_without_colon_is_a_field_with_an_empty_value_and_unknown_fields_are_ignored() {
        List<Event> events = feedWhole("data\nfoo: bar\ndata : spaced name is another field\nDATA: case matters\n"
                + "data: x\n\n");

        assertThat(events).containsExactly(event("\nx"));
    }

    @Test
    void the_event_type_is_reset_after_each_dispatch() {
        List<Event> events = feedWhole("event: open\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n");

        assertThat(events).extracting(Event::type).containsExactly("open", "message", "message");
    }

    @Test
    void lines_end_at_crlf_lf_or_a_lone_cr() {
        List<Event> events = feedWhole("data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r\ndata: e\n\r\n");

        assertThat(events).extracting(Event::data).containsExactly("a", "b", "c", "d\ne");
    }

    @Test
    void a_cr_ending_one_piece_and_a_lf_starting_the_next_are_one_line_end() {
        List<Event> events = new ArrayList<>();
        parser.feed(bytes("data: a\r"), events::add);
        parser.feed(bytes("\ndata: b\r"), events::add);
        assertThat(events).isEmpty();

        parser.feed(bytes("\n\r"), events::add);
        assertThat(events).containsExactly(event("a\nb"));

        parser.feed(bytes("\n"), events::add);
        parser.feed(bytes("data: c\r"), events::add);
        parser.feed(bytes("\r"), events::add);
        assertThat(events).containsExactly(event("a\nb"), event("c"));
    }

    @Test
    void a_byte_order_mark_at_the_start_is_dropped_even_when_it_arrives_a_byte_at_a_time() {
        byte[] stream = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("data: a\n\n"));

        assertThat(feedWhole(stream)).containsExactly(event("a"));
        assertThat(feedBytewise(stream)).containsExactly(event("a"));
    }

    @Test
    void only_the_first_byte_order_mark_is_dropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        // A second BOM belongs to the first line, whose field name becomes "\uFEFFdata": not data.
        byte[] stream = concat(bom, bom, bytes("data: hidden\n\ndata: seen\n\n"));

        assertThat(feedBytewise(stream)).containsExactly(event("seen"));
    }

    @Test
    void a_byte_order_mark_later_in_the_stream_is_text() {
        byte[] stream = concat(bytes("data: "), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("x\n\n"));

        assertThat(feedWhole(stream)).containsExactly(event("\uFEFFx"));
    }

    @Test
    void a_stream_that_starts_like_a_byte_order_mark_but_is_not_one_keeps_its_bytes() {
        byte[] stream = concat(new byte[] {(byte) 0xEF, (byte) 0xBB}, bytes("\ndata: a\n\n"));

        assertThat(feedBytewise(stream)).containsExactly(event("a"));
        assertThat(feedBytewise(concat(bytes("data: "), new byte[] {(byte) 0xEF}, bytes("\n\n"))))
                .containsExactly(event("\uFFFD"));
    }

    @Test
    void multi_byte_characters_split_across_pieces_are_decoded_whole() {
        byte[] stream = bytes("event: grüße\ndata: héllo € 😀 日本\n\n");

        assertThat(feedBytewise(stream)).containsExactly(new Event("grüße", "héllo € 😀 日本", "", null));
    }

    @Test
    void malformed_utf8_becomes_replacement_characters() {
        byte[] stream = concat(bytes("data: a"), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes("b\n\n"));

        assertThat(feedWhole(stream)).containsExactly(event("a\uFFFD(b"));
    }

    @Test
    void at_the_end_of_the_stream_an_unfinished_event_is_discarded_and_later_bytes_are_ignored() {
        List<Event> events = feedWhole("data: done\n\nevent: half\ndata: never\nda");

        assertThat(parser.pending()).isEqualTo("event type \"half\", data \"never\", partial line \"da\"");
        parser.end();
        parser.feed(bytes("\n\n"), events::add);

        assertThat(events).containsExactly(event("done"));
        assertThat(parser.isEnded()).isTrue();
    }

    @Test
    void a_long_line_grows_the_buffer() {
        String big = "x".repeat(100_000);

        assertThat(feedWhole("data: " + big + "\n\n")).containsExactly(event(big));
    }

    @Test
    void any_split_of_a_stream_parses_the_same_as_the_whole() {
        byte[] stream = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes(": hi\r\nevent: a\rdata: 1\r\ndata: ünï\n\nid: 9\nretry: 20\ndata\n\n:\n\r\ndata:x\r\r"
                        + "event: b\ndata: 😀\n\nid: 1\u00002\nfoo\ndata: tail\n\n"));
        List<Event> whole = new ArrayList<>();
        new EventStreamParser().feed(stream, whole::add);

        assertThat(whole).containsExactly(new Event("a", "1\nünï", "", null), new Event("message", "", "9", 20L),
                new Event("message", "x", "9", null), new Event("b", "😀", "9", null),
                new Event("message", "tail", "9", null));
        assertThat(feedBytewise(stream)).isEqualTo(whole);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            EventStreamParser p = new EventStreamParser();
            List<Event> pieces = new ArrayList<>();
            ByteBuffer in = ByteBuffer.wrap(stream);
            while (in.hasRemaining()) {
                int n = Math.min(in.remaining(), 1 + random.nextInt(7));
                p.feed(in.slice(in.position(), n), pieces::add);
                in.position(in.position() + n);
            }
            assertThat(pieces).as("round %d", round).isEqualTo(whole);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void a_line_that_never_ends_fails_at_the_line_limit_quickly_naming_it() {
        EventStreamParser p = new EventStreamParser();
        byte[] chunk = new byte[4096];
        java.util.Arrays.fill(chunk, (byte) 'x');
        byte[] start = "data: ".getBytes(StandardCharsets.UTF_8);
        long begin = System.nanoTime();

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            p.feed(start, e -> {});
            for (int i = 0; i < 20_000_000 / chunk.length; i++) {
                p.feed(chunk, e -> {});
            }
        });

        assertThat(thrown).isInstanceOf(LimitExceededException.class)
                .hasMessage("a line of the event stream exceeds the limit of 1 MiB (1,048,576 bytes) and has no line"
                        + " end yet; it starts: \"data: " + "x".repeat(194) + "...\"; to raise the limit:"
                        + " client.withLimits(client.limits().withMaxLineBytes(4 * 1024 * 1024))");
        assertThat((System.nanoTime() - begin) / 1_000_000).as("milliseconds").isLessThan(2_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.feed(new byte[] {'\n'}, e -> {}))
                .as("the parser stays failed").isSameAs(thrown);
    }

    @Test
    void an_event_whose_data_lines_add_up_past_the_event_limit_fails_naming_it() {
        EventStreamParser p = new EventStreamParser(100, 250);
        String line = "data: " + "y".repeat(60) + "\n";

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> p.feed(
                (line + line + line + line).getBytes(StandardCharsets.UTF_8), e -> {}));

        assertThat(thrown).isInstanceOf(LimitExceededException.class)
                .hasMessage("a server-sent event exceeds the limit of 250 bytes before its blank line; it starts: \""
                        + ("y".repeat(60) + "\\n").repeat(3) + "\"; to raise the limit:"
                        + " client.withLimits(client.limits().withMaxEventBytes(1000))");
    }

    @Test
    void events_and_lines_up_to_the_limits_pass() {
        EventStreamParser p = new EventStreamParser(16, 40);
        List<Event> events = new ArrayList<>();

        p.feed(("data: 0123456789\ndata: 0123456789\n\ndata: 0123456789\n\n").getBytes(StandardCharsets.UTF_8), events::add);

        assertThat(events).containsExactly(event("0123456789\n0123456789"), event("0123456789"));
    }

    @Test
    void pending_shows_a_capped_preview_of_a_huge_unfinished_event() {
        EventStreamParser p = new EventStreamParser(50_000_000, 50_000_000);
        p.feed(("data: " + "z".repeat(5_000_000) + "\ndata: " + "w".repeat(3_000_000)).getBytes(StandardCharsets.UTF_8), e -> {});

        String pending = p.pending();

        assertThat(pending).hasSizeLessThan(600)
                .startsWith("data \"zzz").contains("(5,000,000 characters in all), partial line \"data: www")
                .endsWith("(3,000,006 bytes so far)");
    }
}
