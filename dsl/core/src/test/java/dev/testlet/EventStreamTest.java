package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.CapturedLog;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    record Tick(int n) {}

    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private TestClient client;

    /** An event stream in awkward pieces: a BOM, CR/LF/CRLF, a CRLF and a UTF-8 character split between flushes. */
    private static List<byte[]> awkwardPieces() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        return List.of(
                new byte[] {(byte) 0xEF, (byte) 0xBB},
                new byte[] {(byte) 0xBF},
                ascii(": welcome\r\nretry: 2500\r\nevent: greeting\r\ndata: hel"),
                ascii("lo\rdata: world\r"),
                ascii("\n\r"),
                ascii("\nid: 7\ndata: price "),
                new byte[] {euro[0]},
                new byte[] {euro[1], euro[2]},
                ascii("5\n\n: bye\n\ndata: unfinished"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void start() {
        ServletApp app = TestApps.builder()
                .servlet("/ticks", new StreamingApps.SseTicker(seen))
                .servlet("/async-events", new StreamingApps.AsyncSse(seen))
                .servlet("/awkward", new StreamingApps.Scripted("text/event-stream", awkwardPieces(), gate))
                .servlet("/headers-first", new StreamingApps.HeadersFirst(gate))
                .servlet("/failing", StreamingApps.Failing.class)
                .build();
        client = Testlet.start(app);
    }

    @AfterEach
    void stop() {
        gate.countDown();
        client.close();
    }

    private String nextSeen() throws InterruptedException {
        String s = seen.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("what the servlet saw, within 5s").isNotNull();
        return s;
    }

    private String awaitSeen(String prefix) throws InterruptedException {
        List<String> skipped = new ArrayList<>();
        while (true) {
            String s = seen.poll(5, TimeUnit.SECONDS);
            assertThat(s).as("a report starting with '%s' within 5s; before it: %s", prefix, skipped).isNotNull();
            if (s.startsWith(prefix)) {
                return s;
            }
            skipped.add(s);
        }
    }

    // ---------------------------------------------------------------- opening

    @Test
    void sse_returns_when_the_headers_arrive_so_they_are_checked_before_any_event() {
        try (EventStream events = client.given().sse("/headers-first")) {
            events.expectStatus(200).expectContentType("text/event-stream").expectHeader("X-Stream", "open");
            events.expectNoEvent(Duration.ofMillis(30));

            gate.countDown();

            events.expectData("after the gate").expectEnd();
        }
    }

    @Test
    void sse_sends_accept_text_event_stream_unless_the_spec_sets_another() throws InterruptedException {
        client.given().queryParam("count", 1).sse("/ticks").close();
        client.given().accept("*/*").queryParam("count", 1).sse("/ticks").close();

        assertThat(awaitSeen("accept")).isEqualTo("accept text/event-stream, last event id null");
        assertThat(awaitSeen("accept")).isEqualTo("accept */*, last event id null");
    }

    @Test
    void sse_fills_path_templates_and_refuses_a_body() {
        try (EventStream events = client.given().queryParam("count", 1).sse("/{name}", "ticks")) {
            events.expectStatus(200);
        }
        assertThatThrownBy(() -> client.given().jsonBody(Map.of("a", 1)).sse("/ticks"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not have a request body")
                .hasMessageContaining("stream(\"POST\", path)");
    }

    // ---------------------------------------------------------------- events

    @Test
    void next_hands_out_each_event_with_type_data_id_and_json() {
        try (EventStream events = client.given().sse("/ticks")) {
            ServerSentEvent first = events.next();

            assertThat(first.event()).isEqualTo("tick");
            assertThat(first.data()).isEqualTo("{\"n\":1}");
            assertThat(first.id()).isEqualTo("1");
            assertThat(first.retry()).isNull();
            assertThat(first.json().get("n").asInt()).isEqualTo(1);
            assertThat(first.json("/n").asInt()).isEqualTo(1);
            assertThat(first.dataAs(Tick.class)).isEqualTo(new Tick(1));
            assertThat(events.next().dataAs(Tick.class)).isEqualTo(new Tick(2));
            assertThat(events.lastEventId()).isEqualTo("2");
        }
    }

    @Test
    void the_parser_follows_the_standard_across_awkward_flushes() {
        try (EventStream events = client.given().sse("/awkward")) {
            ServerSentEvent greeting = events.next();
            ServerSentEvent price = events.next();

            assertThat(greeting.event()).isEqualTo("greeting");
            assertThat(greeting.data()).isEqualTo("hello\nworld");
            assertThat(greeting.retry()).isEqualTo(Duration.ofMillis(2500));
            assertThat(greeting.id()).isEmpty();
            assertThat(price.event()).isEqualTo("message");
            assertThat(price.data()).isEqualTo("price €5");
            assertThat(price.id()).isEqualTo("7");
            assertThat(events.reconnectionTime()).isEqualTo(Duration.ofMillis(2500));
            expectFailure(events::next)
                    .hasFact("but", "the stream ended: the server completed the response")
                    .hasFact("unfinished event", "partial line \"data: unfinished\" (discarded at the end)")
                    .hasFactContaining("events so far", "2, the last 2:");
        }
    }

    @Test
    void take_returns_10000_events_complete_and_in_order() {
        try (EventStream events = client.given().queryParam("count", 10_000).sse("/ticks")) {
            List<ServerSentEvent> all = events.take(10_000);

            assertThat(all).hasSize(10_000);
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).id()).isEqualTo(Integer.toString(i + 1));
            }
            events.expectEnd();
        }
    }

    @Test
    void an_endless_stream_is_tested_in_milliseconds() throws InterruptedException {
        long start = System.nanoTime();
        try (EventStream events = client.given().sse("/ticks")) {
            events.expectEvent("tick", "{\"n\":1}").expectJson("/n", 2).expectJson("", Map.of("n", 3));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(awaitSeen("write failed")).contains("IOException");
        assertThat(millis).as("an endless stream, three events, then a disconnect").isLessThan(2_000);
    }

    @Test
    void heartbeat_comments_are_skipped_and_do_not_count_as_events() {
        try (EventStream events = client.given().queryParam("heartbeats", 3).queryParam("count", 2).sse("/ticks")) {
            assertThat(events.take(2)).extracting(ServerSentEvent::id).containsExactly("1", "2");
            events.expectEnd();
        }
    }

    @Test
    void await_event_skips_to_the_event_awaited() {
        try (EventStream events = client.given().sse("/ticks")) {
            ServerSentEvent fifth = events.awaitEvent("the fifth tick", e -> e.json("/n").asInt() == 5);

            assertThat(fifth.id()).isEqualTo("5");
            events.expectJson("/n", 6);
        }
    }

    @Test
    void remaining_events_reads_until_the_server_ends_the_stream() {
        try (EventStream events = client.given().queryParam("count", 4).sse("/ticks")) {
            events.next();

            assertThat(events.remainingEvents()).extracting(ServerSentEvent::id).containsExactly("2", "3", "4");
        }
    }

    @Test
    void async_servlets_stream_from_their_own_thread() {
        try (EventStream events = client.given().sse("/async-events")) {
            events.expectStatus(200).expectContentType("text/event-stream");

            assertThat(events.take(3)).extracting(ServerSentEvent::data).containsExactly("event 1", "event 2", "event 3");
        }
    }

    @Test
    void the_async_api_opens_a_stream_on_a_virtual_thread() {
        CompletableFuture<EventStream> pending = client.async().given().queryParam("count", 2).sse("/ticks");

        try (EventStream events = pending.join()) {
            assertThat(events.take(2)).hasSize(2);
        }
    }

    // ---------------------------------------------------------------- disconnects

    @Test
    void closing_makes_a_blocking_servlets_next_write_fail() throws InterruptedException {
        EventStream events = client.given().queryParam("pauseMs", 1).sse("/ticks");
        events.take(2);

        events.close();

        assertThat(awaitSeen("write failed")).contains("IOException");
    }

    @Test
    void closing_makes_an_async_servlets_write_fail_and_its_cleanup_and_listener_run() throws InterruptedException {
        try (EventStream events = client.given().sse("/async-events")) {
            events.take(3);
        }

        assertThat(awaitSeen("write failed")).contains("IOException");
        assertThat(nextSeen()).isEqualTo("cleanup");
        String listener = nextSeen();
        assertThat(listener).as("the AsyncListener heard of the end").matches("onComplete|onError: .*");
        client.awaitBackgroundTasks(Duration.ofSeconds(5));
    }

    @Test
    void an_open_async_stream_is_not_background_work_to_wait_for() {
        try (EventStream events = client.given().sse("/async-events")) {
            events.take(2);

            client.awaitBackgroundTasks(Duration.ofSeconds(5));

            events.next();
        }
    }

    @Test
    void closing_the_app_closes_streams_left_open_and_the_server_sees_it() throws InterruptedException {
        EventStream blocking = client.given().queryParam("pauseMs", 1).sse("/ticks");
        EventStream async = client.given().sse("/async-events");
        blocking.next();
        async.next();

        List<String> warnings;
        long start = System.nanoTime();
        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            client.close();
            warnings = log.messages();
        }

        String here = "(opened at dev.testlet.EventStreamTest.closing_the_app_closes_streams_left_open_and_the_server_sees_it"
                + "(EventStreamTest.java:";
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
                .startsWith("WARNING Testlet.start(app) left 2 things open; Testlet closed them:\n"
                        + "  - event stream GET /async-events " + here)
                .contains("\n  - event stream GET /ticks?pauseMs=1 " + here)
                .endsWith("\nClose each one in the test: try (var stream = ...) { } in Java, .use { } in Kotlin."));

        assertThat((System.nanoTime() - start) / 1_000_000).as("close did not wait out a timeout").isLessThan(5_000);
        List<String> reports = new ArrayList<>();
        seen.drainTo(reports);
        assertThat(reports).anyMatch(r -> r.startsWith("write failed")).contains("cleanup");
        assertThatThrownBy(blocking::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed when the app closed");
    }

    @Test
    void reading_a_closed_stream_says_so() {
        EventStream events = client.given().queryParam("count", 1).sse("/ticks");
        events.close();
        events.close();

        assertThatThrownBy(events::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("next() cannot read: this event stream of GET /ticks?count=1 was closed");
    }

    // ---------------------------------------------------------------- reconnection

    @Test
    void reconnect_resumes_after_the_last_event_id_seen() throws InterruptedException {
        EventStream events = client.given().sse("/ticks");
        events.take(3);

        try (EventStream resumed = events.reconnect()) {
            resumed.expectJson("/n", 4);
            assertThat(resumed.lastEventId()).isEqualTo("4");
        }
        assertThat(awaitSeen("accept")).endsWith("last event id null");
        assertThat(awaitSeen("accept")).endsWith("last event id 3");
    }

    @Test
    void last_event_id_can_be_sent_on_a_new_sse_call() {
        try (EventStream events = client.given().lastEventId("41").sse("/ticks")) {
            events.expectEventMatching("the event after 41", e -> e.id().equals("42"));
        }
        assertThatThrownBy(() -> client.given().lastEventId("4\n2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains CR, LF or NUL");
    }

    // ---------------------------------------------------------------- failures

    @Test
    void a_timeout_reports_what_was_awaited_and_the_events_so_far() {
        try (EventStream events = client.given().queryParam("hold", true).sse("/awkward")) {
            events.take(2);

            expectFailure(() -> events.next(Duration.ofMillis(50)))
                    .hasFact("expected", "an event within 50ms")
                    .hasFact("but", "nothing more came in 50ms; the stream is still open")
                    .hasFactContaining("events so far", "2, the last 2:")
                    .hasFactContaining("events so far", "event: message, id: 7, data: price €5")
                    .hasFact("unfinished event", "partial line \"data: unfinished\" (no blank line yet)")
                    .hasFact("comments skipped", "2 (heartbeats)")
                    .hasFactContaining("handler thread", "Scripted")
                    .hasFact("request", "GET /awkward?hold=true")
                    .mentions("--- response: 200 OK")
                    .mentions("Content-Type: text/event-stream");
        }
    }

    @Test
    void expectations_fail_with_the_event_and_the_exchange() {
        try (EventStream events = client.given().sse("/ticks")) {
            expectFailure(() -> events.expectEvent("tock", "{\"n\":1}"))
                    .hasFact("expected the next event", "event: tock, data: {\"n\":1}")
                    .hasFact("but was", "event: tick, id: 1, data: {\"n\":1}")
                    .hasFact("request", "GET /ticks");
            expectFailure(() -> events.expectData("x")).hasFact("but was", "event: tick, id: 2, data: {\"n\":2}");
            expectFailure(() -> events.expectJson("/n", 4)).hasFact("expected JSON at /n of the next event", "4")
                    .hasFact("but was", "3");
            expectFailure(() -> events.expectEventMatching("an odd tick", e -> e.json("/n").asInt() % 2 == 1))
                    .hasFact("expected the next event", "an odd tick")
                    .hasFact("but was", "event: tick, id: 4, data: {\"n\":4}");
            expectFailure(() -> events.expectNoEvent(Duration.ofMillis(200)))
                    .hasFact("expected", "no event within 200ms")
                    .hasFact("but got", "event: tick, id: 5, data: {\"n\":5}");
            expectFailure(() -> events.expectEnd(Duration.ofMillis(200)))
                    .hasFact("expected", "the stream to end within 200ms")
                    .hasFactContaining("but got", "id: 6");
        }
    }

    @Test
    void event_data_that_is_not_json_fails_with_the_event() {
        try (EventStream events = client.given().sse("/awkward")) {
            ServerSentEvent greeting = events.next();

            expectFailure(greeting::json).hasFact("expected", "JSON data in the event")
                    .hasFact("event", "event: greeting, retry: 2500ms, data: hello\\nworld");
            expectFailure(() -> greeting.dataAs(Tick.class)).hasFactContaining("expected", Tick.class.getName());
        }
    }

    @Test
    void a_response_that_is_not_an_event_stream_fails_at_the_first_read_with_its_body() {
        try (EventStream events = client.given().sse("/status/404")) {
            events.expectStatus(404);

            expectFailure(events::next)
                    .hasFact("but", "the response is not an event stream: 404 Not Found with Content-Type application/json")
                    .mentions("{\n  \"status\" : 404\n}");
        }
    }

    @Test
    void a_status_expectation_fails_with_the_headers() {
        try (EventStream events = client.given().sse("/status/503")) {
            expectFailure(() -> events.expectStatus(200))
                    .hasFact("expected status", "200")
                    .hasFact("but was", "503 Service Unavailable");
            expectFailure(() -> events.expectContentType("text/event-stream"))
                    .hasFact("but was", "application/json");
        }
    }

    @Test
    void an_exception_before_the_headers_is_rethrown_like_a_requests() {
        assertThatThrownBy(() -> client.given().sse("/failing"))
                .isInstanceOf(ServerException.class)
                .hasRootCauseMessage("the feed broke");

        try (EventStream events = client.withServerExceptionsAsResponses().given().sse("/failing")) {
            events.expectStatus(500);
        }
    }

    @Test
    void an_exception_in_the_middle_of_the_stream_shows_when_it_ends() {
        try (EventStream events = client.given().queryParam("when", "after").sse("/failing")) {
            events.expectData("one");

            expectFailure(events::next)
                    .hasFactContaining("but", "the stream ended: the server closed the connection before the response was complete")
                    .hasFactContaining("but", "the app threw java.lang.IllegalStateException: the feed broke")
                    .mentions("--- server exception");
        }
    }

    @Test
    void a_bad_duration_or_count_is_refused_with_an_example() {
        try (EventStream events = client.given().queryParam("count", 1).sse("/ticks")) {
            assertThatThrownBy(() -> events.next(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Duration.ofSeconds(2)");
            assertThatThrownBy(() -> events.take(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expectNoEvent(Duration)");
        }
    }

    @Test
    void a_closed_stream_is_recorded_for_the_tests_report() {
        TestScope scope = client.openScope("recording");
        try (EventStream events = scope.client().given().queryParam("count", 2).sse("/ticks")) {
            events.take(2);
        }
        List<dev.testlet.engine.Exchange> recorded = scope.exchanges();
        scope.close();

        assertThat(recorded).hasSize(1);
        assertThat(new String(recorded.get(0).body(), StandardCharsets.UTF_8)).contains("id: 2");
    }
}
