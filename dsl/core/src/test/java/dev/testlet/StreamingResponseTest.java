package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingResponseTest {

    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private TestClient client;

    /** Lines ending in LF, CRLF (split between flushes) and CR, and a UTF-8 character split between flushes. */
    private static List<byte[]> lines() {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        return List.of(utf8("first\nsecond\r"), utf8("\nthird\rcaf"), new byte[] {e[0]}, new byte[] {e[1]},
                utf8("\nno end"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void start() {
        ServletApp app = TestApps.builder()
                .servlet("/ticker", new StreamingApps.TextTicker(seen))
                .servlet("/lines", new StreamingApps.Scripted("text/plain;charset=UTF-8", lines(), gate))
                .servlet("/latin1", new StreamingApps.Scripted("text/plain;charset=ISO-8859-1",
                        List.of("héllo\n".getBytes(StandardCharsets.ISO_8859_1)), gate))
                .build();
        client = Testlet.start(app);
    }

    @AfterEach
    void stop() {
        gate.countDown();
        client.close();
    }

    private String awaitSeen() throws InterruptedException {
        String s = seen.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("what the servlet saw, within 5s").isNotNull();
        return s;
    }

    @Test
    void stream_returns_at_the_headers_and_reads_each_flush_as_it_comes() {
        try (StreamingResponse s = client.given().stream("GET", "/ticker")) {
            s.expectStatus(200).expectContentType("text/plain").expectHeader("Transfer-Encoding", "chunked");

            assertThat(s.nextLine()).isEqualTo("tick 0");
            s.expectLine("tick 1").expectLineMatching("a tick", line -> line.startsWith("tick "));
            assertThat(s.nextLines(3)).containsExactly("tick 3", "tick 4", "tick 5");
            assertThat(s.header("content-type")).isEqualTo("text/plain;charset=utf-8");
        }
    }

    @Test
    void closing_makes_the_servers_next_write_fail() throws InterruptedException {
        StreamingResponse s = client.given().queryParam("pauseMs", 1).stream("GET", "/ticker");
        s.nextLine();

        s.close();

        assertThat(awaitSeen()).startsWith("write failed: IOException");
    }

    @Test
    void lines_end_at_lf_crlf_or_cr_even_across_flushes_and_the_last_line_needs_no_end() {
        try (StreamingResponse s = client.given().stream("GET", "/lines")) {
            assertThat(s.nextLines(5)).containsExactly("first", "second", "third", "café", "no end");
            s.expectEnd();
        }
    }

    @Test
    void chunks_and_bytes_come_as_flushed_and_a_split_character_is_decoded_whole() {
        try (StreamingResponse s = client.given().queryParam("hold", true).stream("GET", "/lines")) {
            assertThat(new String(s.nextBytes(), StandardCharsets.UTF_8)).isEqualTo("first\nsecond\r");
            assertThat(s.nextChunk()).isEqualTo("\nthird\rcaf");
            assertThat(s.nextChunk()).as("the first byte of é waits for the second").isEqualTo("é");
            assertThat(s.nextChunk()).isEqualTo("\nno end");
            s.expectNoData(Duration.ofMillis(30));
        }
    }

    @Test
    void text_is_decoded_with_the_declared_charset() {
        try (StreamingResponse s = client.given().stream("GET", "/latin1")) {
            assertThat(s.remainingText()).isEqualTo("héllo\n");
        }
    }

    @Test
    void a_finite_stream_is_read_to_its_end() {
        try (StreamingResponse s = client.given().queryParam("count", 3).stream("GET", "/ticker")) {
            s.expectLine("tick 0");

            assertThat(s.remainingText()).isEqualTo("tick 1\ntick 2\n");
        }
    }

    @Test
    void any_method_with_a_body_can_stream() {
        try (StreamingResponse s = client.given().jsonBody(Map.of("q", "pen")).stream("POST", "/echo/{x}", "a b")) {
            String text = s.expectStatus(200).remainingText();

            assertThat(text).contains("\"method\":\"POST\"").contains("\"path\":\"/echo/a%20b\"").contains("pen");
        }
    }

    @Test
    void a_timeout_reports_what_was_awaited_what_arrived_and_the_handler() {
        try (StreamingResponse s = client.given().queryParam("hold", true).stream("GET", "/lines")) {
            s.nextLines(4);

            expectFailure(() -> s.nextLine(Duration.ofMillis(50)))
                    .hasFact("expected", "a line within 50ms")
                    .hasFact("but", "nothing more came in 50ms; the stream is still open")
                    .hasFact("received so far", "32 bytes")
                    .hasFact("not read yet", "\"no end\"")
                    .hasFactContaining("handler thread", "StreamingApps$Scripted")
                    .hasFact("to wait longer", "s.nextLine(Duration) or client.withTimeout(Duration)")
                    .hasFact("request", "GET /lines?hold=true")
                    .mentions("first\nsecond");
        }
    }

    @Test
    void reading_past_the_end_and_unmet_expectations_fail_with_facts() {
        try (StreamingResponse s = client.given().queryParam("count", 2).stream("GET", "/ticker")) {
            expectFailure(() -> s.expectLine("tick 1")).hasFact("expected the next line", "\"tick 1\"")
                    .hasFact("but was", "\"tick 0\"");
            expectFailure(() -> s.expectEnd()).hasFact("but got", "\"tick 1\n\"");
            s.expectLine("tick 1");
            expectFailure(s::nextLine).hasFact("but", "the stream ended: the server completed the response")
                    .hasFact("received so far", "14 bytes");
        }
        try (StreamingResponse s = client.given().stream("GET", "/ticker")) {
            expectFailure(() -> s.expectNoData(Duration.ofMillis(100))).hasFactContaining("but got", "tick 0");
            expectFailure(() -> s.remainingText(Duration.ofMillis(50)))
                    .hasFact("expected", "the body to end within 50ms");
            expectFailure(() -> s.expectStatus(201)).hasFact("but was", "200 OK");
            expectFailure(() -> s.expectContentType("text/html")).hasFact("but was", "text/plain;charset=utf-8");
        }
    }

    @Test
    void misuse_is_refused_with_the_right_call() {
        StreamingResponse s = client.given().queryParam("count", 1).stream("GET", "/ticker");
        s.close();

        assertThatThrownBy(s::nextLine).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nextLine() cannot read: this stream of GET /ticker?count=1 was closed");
        assertThatThrownBy(() -> client.given().stream("", "/ticker")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a method such as \"GET\"");
    }

    @Test
    void the_async_api_opens_a_stream_on_a_virtual_thread() {
        try (StreamingResponse s = client.async().given().queryParam("count", 1).stream("GET", "/ticker").join()) {
            s.expectLine("tick 0").expectEnd();
        }
    }
}
