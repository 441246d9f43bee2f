package dev.testlet.internal.snapshot;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.snapshot.RecordedMessage.Direction;
import dev.testlet.internal.snapshot.RecordedMessage.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SnapshotRendererTest {

    private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

    private final SnapshotRenderer renderer = new SnapshotRenderer(JsonMapper.builder().build());

    private static Exchange exchange(String method, String target, int status, String reason, Headers headers, byte[] body) {
        return new Exchange(RequestPlan.of(method, target), status, reason, headers, body, Duration.ofMillis(12), null,
                List.of());
    }

    @Test
    void a_json_response_shows_request_status_sorted_headers_that_matter_and_canonical_json() {
        Headers headers = Headers.of("Date", "Tue, 01 Jan 2030 00:00:00 GMT", "Server", "Jetty(12.1.8)",
                "Location", "/items/3", "Content-Type", "application/json", "Content-Length", "42",
                "Set-Cookie", "JSESSIONID=node01; Path=/", "Set-Cookie", "a=1", "X-Powered-By", "x");
        byte[] body = "{\"name\":\"pen\",\"price\":1.50,\"id\":3,\"tags\":[]}".getBytes(UTF_8);

        Rendering r = renderer.response(exchange("POST", "/items?x=1", 201, "Created", headers, body),
                Redactions.defaults().withJsonPointer("/id"));

        assertThat(r.kind()).isEqualTo(Rendering.Kind.RESPONSE);
        assertThat(r.text()).isEqualTo("""
                POST /items?x=1
                201 Created
                Content-Type: application/json
                Location: /items/3
                Set-Cookie: JSESSIONID=[redacted]; Path=/
                Set-Cookie: a=1

                {
                  "id": "[redacted number]",
                  "name": "pen",
                  "price": 1.5,
                  "tags": []
                }""");
    }

    @Test
    void a_response_without_a_body_ends_after_its_headers() {
        assertThat(renderer.response(exchange("DELETE", "/items/3", 204, "No Content", Headers.empty(), new byte[0]),
                Redactions.defaults()).text()).isEqualTo("DELETE /items/3\n204 No Content");
    }

    @Test
    void text_is_decoded_by_its_charset_and_kept_exactly() {
        byte[] body = "caf\u00e9\nline two\n".getBytes(ISO_8859_1);

        assertThat(renderer.response(exchange("GET", "/t", 200, "OK",
                Headers.of("Content-Type", "text/plain; charset=ISO-8859-1"), body), Redactions.defaults()).text())
                .isEqualTo("GET /t\n200 OK\nContent-Type: text/plain; charset=ISO-8859-1\n\ncaf\u00e9\nline two\n");
    }

    @Test
    void binary_bodies_are_a_size_and_a_digest() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

        assertThat(renderer.response(exchange("GET", "/img", 200, "OK", Headers.of("Content-Type", "image/png"), png),
                Redactions.defaults()).text()).isEqualTo("""
                GET /img
                200 OK
                Content-Type: image/png

                [binary body: 7 bytes, sha256 %s]""".formatted(SnapshotRenderer.sha256(png)));
        assertThat(SnapshotRenderer.sha256("hello".getBytes(UTF_8)))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(SnapshotRenderer.digest(new byte[1])).startsWith("1 byte, sha256 ");
    }

    @Test
    void json_without_a_content_type_is_pretty_printed_but_a_json_looking_text_body_is_left_alone() {
        byte[] body = "{\"b\":1,\"a\":2}".getBytes(UTF_8);

        assertThat(renderer.response(exchange("GET", "/", 200, "OK", Headers.empty(), body), Redactions.none()).text())
                .isEqualTo("GET /\n200 OK\n\n{\n  \"a\": 2,\n  \"b\": 1\n}");
        assertThat(renderer.response(exchange("GET", "/", 200, "OK", Headers.of("Content-Type", "text/plain"), body),
                Redactions.none()).text()).endsWith("\n\n{\"b\":1,\"a\":2}");
        assertThat(renderer.response(exchange("GET", "/", 200, "OK", Headers.of("Content-Type", "application/json"),
                "not json".getBytes(UTF_8)), Redactions.none()).text()).endsWith("\n\nnot json");
    }

    @Test
    void pattern_redactions_apply_to_the_whole_rendering_and_numbered_ones_link_equal_values() {
        Headers headers = Headers.of("Location", "/items/9f2c", "Content-Type", "application/json");
        byte[] body = "{\"id\":\"9f2c\",\"owner\":\"77aa\"}".getBytes(UTF_8);

        String text = renderer.response(exchange("POST", "/items", 201, "Created", headers, body),
                Redactions.defaults().withNumberedPattern("[0-9a-f]{4}(?=[\"\\n]|$)", "id")).text();

        assertThat(text).isEqualTo("""
                POST /items
                201 Created
                Content-Type: application/json
                Location: /items/[id-1]

                {
                  "id": "[id-1]",
                  "owner": "[id-2]"
                }""");
    }

    @Test
    void a_huge_rendering_is_cut_with_a_note_that_carries_the_digest_of_the_whole() {
        SnapshotRenderer small = new SnapshotRenderer(JsonMapper.builder().build(), 1_000);
        byte[] body = "x".repeat(5_000).getBytes(UTF_8);
        byte[] changedAtTheEnd = ("x".repeat(4_999) + "y").getBytes(UTF_8);

        String a = small.response(exchange("GET", "/big", 200, "OK", Headers.of("Content-Type", "text/plain"), body),
                Redactions.none()).text();
        String b = small.response(exchange("GET", "/big", 200, "OK", Headers.of("Content-Type", "text/plain"),
                changedAtTheEnd), Redactions.none()).text();

        assertThat(a).hasSizeLessThan(1_200).contains("\n[... 4,042 more characters not shown: snapshots keep 1,000;"
                + " sha256 of the whole rendering ");
        assertThat(a).isNotEqualTo(b);
        assertThat(small.maxChars()).isEqualTo(1_000);
        assertThatThrownBy(() -> new SnapshotRenderer(JsonMapper.builder().build(), 10))
                .hasMessage("a snapshot must keep at least 1000 characters, but the limit was 10");
    }

    @Test
    void events_show_type_id_retry_and_data_indented_with_json_canonical_and_redacted() {
        List<RecordedEvent> events = List.of(
                new RecordedEvent("message", "{\"n\":1.0,\"at\":\"12:00\"}", "1", null),
                new RecordedEvent("tick", "plain\n\nthree lines", null, Duration.ofSeconds(3)),
                new RecordedEvent("empty", "", "", null),
                new RecordedEvent("message", "42", null, null));

        assertThat(renderer.events(events, Redactions.none().withJsonPointer("/at")).text()).isEqualTo("""
                #1 event=message id=1
                  {
                    "at": "[redacted string]",
                    "n": 1
                  }
                #2 event=tick retry=3000ms
                  plain

                  three lines
                #3 event=empty
                #4 event=message
                  42""");
        assertThat(renderer.events(List.of(), Redactions.none()).text()).isEmpty();
    }

    @Test
    void a_conversation_shows_each_frame_with_its_direction_and_payload() {
        List<RecordedMessage> messages = List.of(
                RecordedMessage.text(Direction.SENT, "hello", T),
                RecordedMessage.text(Direction.RECEIVED, "{\"type\":\"pong\",\"at\":5}", T),
                RecordedMessage.binary(Direction.SENT, "hello".getBytes(UTF_8), T),
                RecordedMessage.control(Direction.SENT, Kind.PING, "hi".getBytes(UTF_8), T),
                RecordedMessage.control(Direction.RECEIVED, Kind.PONG, new byte[] {0, 1, (byte) 0xff}, T),
                RecordedMessage.control(Direction.RECEIVED, Kind.PONG, new byte[0], T),
                RecordedMessage.text(Direction.SENT, "", T),
                RecordedMessage.close(Direction.RECEIVED, 1008, "bad \"token\"", T),
                RecordedMessage.close(Direction.SENT, null, "", T));

        assertThat(renderer.transcript(messages, Redactions.none().withJsonPointer("/at")).text()).isEqualTo("""
                #1 -> text
                  hello
                #2 <- text
                  {
                    "at": "[redacted number]",
                    "type": "pong"
                  }
                #3 -> binary 5 bytes, sha256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
                #4 -> ping "hi"
                #5 <- pong 00 01 ff
                #6 <- pong
                #7 -> text
                #8 <- close 1008 Policy Violation "bad \\"token\\""
                #9 -> close (no code)""");
    }

    @Test
    void recorded_messages_reject_missing_parts_and_copy_their_payload() {
        byte[] bytes = {1, 2};
        RecordedMessage m = RecordedMessage.binary(Direction.SENT, bytes, T);
        bytes[0] = 9;

        assertThat(m.payload()).containsExactly(1, 2);
        assertThatThrownBy(() -> RecordedMessage.control(Direction.SENT, Kind.TEXT, new byte[0], T))
                .hasMessage("control(...) records a PING or PONG, not TEXT; use text, binary or close for the others");
        assertThatThrownBy(() -> new RecordedEvent("message", null, null, null))
                .hasMessage("an event needs a type and data (use \"message\" and \"\" for none), but got type=message,"
                        + " data=null");
    }
}
