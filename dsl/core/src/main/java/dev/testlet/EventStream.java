package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.Checks;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Json;
import dev.testlet.internal.TestBinding;
import dev.testlet.internal.snapshot.Rendering;
import dev.testlet.internal.snapshot.SnapshotRenderer;
import dev.testlet.internal.snapshot.SnapshotSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A live {@code text/event-stream} response: open as soon as its headers arrive, its events parsed
 * as the HTML Standard says (comments such as heartbeats skipped) and handed out the moment the server
 * flushes them. Every wait is bounded by the request's timeout or a given one; a timeout fails with
 * what was awaited and the events received so far. Closing it disconnects: the server's next write
 * fails, as it would when a browser tab closes.
 *
 * <pre>{@code
 * try (EventStream events = client.given().sse("/events")) {
 *     events.expectStatus(200).expectContentType("text/event-stream");
 *     ServerSentEvent first = events.next();
 *     events.expectEvent("tick", "1")
 *           .expectJson("/n", 2)
 *           .expectNoEvent(Duration.ofMillis(50));
 * }   // disconnects
 * }</pre>
 *
 * <p>Kotlin users: {@code client.given().sse("/events").use { it.next().data() }}.
 *
 * <p>Over HTTP/1.1 a server learns of a disconnect only when it next writes, so a stream's handler
 * (and an async handler's {@code AsyncListener}) notices the close at its next event or heartbeat, as
 * in production. An async handler's {@code AsyncContext} counts as the app's background work until it
 * completes, so {@link TestClient#awaitBackgroundTasks()} waits for async streams still open: close
 * them first. Closing the app closes streams left open, with a warning in the log.
 *
 * <p>Not thread-safe: read it from one thread (closing from another is fine).
 */
public final class EventStream extends ResponseHead<EventStream> implements AutoCloseable {

    private final LiveExchange live;
    private final EventReader reader;

    private EventStream(LiveExchange live) {
        this.live = live;
        this.reader = new EventReader(live);
    }

    static EventStream open(ClientSettings settings, RequestPlan plan) {
        return new EventStream(LiveExchange.open(settings, plan, "event stream"));
    }

    @Override
    Exchange head() {
        return live.head();
    }

    @Override
    void raise(Expectations.Mismatch mismatch) {
        live.raise(mismatch);
    }

    // ---------------------------------------------------------------- reading events

    /**
     * The next event, waiting at most the request's timeout (the client's, 10 seconds by default).
     *
     * <pre>{@code ServerSentEvent e = events.next();}</pre>
     *
     * @return the event
     * @throws AssertionError when none comes in time or the stream ends, with the events so far
     */
    public ServerSentEvent next() {
        return next(live.timeout());
    }

    /**
     * The next event, waiting at most {@code timeout}.
     *
     * <pre>{@code events.next(Duration.ofMillis(200))}</pre>
     *
     * @param timeout how long to wait
     * @return the event
     * @throws AssertionError when none comes in time or the stream ends, with the events so far
     */
    public ServerSentEvent next(Duration timeout) {
        requirePositive(timeout, "next");
        String awaited = "an event within " + Failures.duration(timeout);
        ServerSentEvent event = poll(deadline(timeout), awaited, "next");
        if (event == null) {
            throw missing(awaited, timeout, "events.next(Duration)");
        }
        return event;
    }

    /**
     * The next {@code count} events, all within the request's timeout.
     *
     * <pre>{@code List<ServerSentEvent> three = events.take(3);}</pre>
     *
     * @param count how many, at least 1
     * @return the events, in order
     * @throws AssertionError when fewer come in time, with those that did
     */
    public List<ServerSentEvent> take(int count) {
        return take(count, live.timeout());
    }

    /**
     * The next {@code count} events, all within {@code within}.
     *
     * <pre>{@code events.take(10_000, Duration.ofSeconds(5))}</pre>
     *
     * @param count how many, at least 1
     * @param within how long all of them may take
     * @return the events, in order
     * @throws AssertionError when fewer come in time, with those that did
     */
    public List<ServerSentEvent> take(int count, Duration within) {
        if (count < 1) {
            throw new IllegalArgumentException("take needs a count of at least 1, but got " + count
                    + "; to check that nothing comes, use expectNoEvent(Duration)");
        }
        requirePositive(within, "take");
        long deadline = deadline(within);
        String awaited = count + " events within " + Failures.duration(within);
        List<ServerSentEvent> taken = new ArrayList<>(Math.min(count, 1024));
        while (taken.size() < count) {
            ServerSentEvent event = poll(deadline, awaited, "take");
            if (event == null) {
                throw missing(awaited + " (got " + taken.size() + ")", within, "events.take(count, Duration)");
            }
            taken.add(event);
        }
        return taken;
    }

    /**
     * Skips events until one satisfies a predicate, and returns it.
     *
     * <pre>{@code ServerSentEvent done = events.awaitEvent("a done event", e -> e.event().equals("done"));}</pre>
     *
     * @param description what the predicate looks for, for the failure message
     * @param predicate true for the event awaited
     * @return the first event that satisfies it
     * @throws AssertionError when none does within the request's timeout
     */
    public ServerSentEvent awaitEvent(String description, Predicate<ServerSentEvent> predicate) {
        return awaitEvent(description, live.timeout(), predicate);
    }

    /**
     * Skips events until one satisfies a predicate, waiting at most {@code within}.
     *
     * <pre>{@code events.awaitEvent("progress 100", Duration.ofSeconds(2), e -> e.json("/percent").asInt() == 100)}</pre>
     *
     * @param description what the predicate looks for
     * @param within how long to wait
     * @param predicate true for the event awaited
     * @return the first event that satisfies it
     * @throws AssertionError when none does in time, with the events skipped
     */
    public ServerSentEvent awaitEvent(String description, Duration within, Predicate<ServerSentEvent> predicate) {
        requirePositive(within, "awaitEvent");
        long deadline = deadline(within);
        String awaited = description + " within " + Failures.duration(within);
        long skipped = 0;
        while (true) {
            ServerSentEvent event = poll(deadline, awaited, "awaitEvent");
            if (event == null) {
                throw missing(awaited + " (" + skipped + " other event" + (skipped == 1 ? "" : "s") + " skipped)",
                        within, "events.awaitEvent(description, Duration, predicate)");
            }
            if (predicate.test(event)) {
                return event;
            }
            skipped++;
        }
    }

    /**
     * Every event until the server ends the stream, waiting at most the request's timeout for the end.
     *
     * <pre>{@code List<ServerSentEvent> rest = events.remainingEvents();}</pre>
     *
     * @return the events not read yet, in order
     * @throws AssertionError when the stream does not end in time, or is cut short
     */
    public List<ServerSentEvent> remainingEvents() {
        return remainingEvents(live.timeout());
    }

    /**
     * Every event until the server ends the stream, waiting at most {@code within}.
     *
     * <pre>{@code events.remainingEvents(Duration.ofSeconds(2))}</pre>
     *
     * @param within how long the stream may take to end
     * @return the events not read yet, in order
     * @throws AssertionError when the stream does not end in time, or is cut short
     */
    public List<ServerSentEvent> remainingEvents(Duration within) {
        requirePositive(within, "remainingEvents");
        long deadline = deadline(within);
        String awaited = "the stream to end within " + Failures.duration(within);
        List<ServerSentEvent> rest = new ArrayList<>();
        while (true) {
            ServerSentEvent event = poll(deadline, awaited, "remainingEvents");
            if (event != null) {
                rest.add(event);
            } else if (reader.endedComplete()) {
                return rest;
            } else {
                throw missing(awaited + " (" + rest.size() + " more events came)", within,
                        "events.remainingEvents(Duration)");
            }
        }
    }

    // ---------------------------------------------------------------- expectations

    /**
     * Expects the next event to have a type and data.
     *
     * <pre>{@code events.expectEvent("tick", "1")}</pre>
     *
     * @param type the event type ("message" for events sent without one)
     * @param data the data
     * @return this stream
     */
    public EventStream expectEvent(String type, String data) {
        ServerSentEvent event = next();
        String expected = "event: " + type + ", data: " + data.replace("\n", "\\n");
        String actual = "event: " + event.event() + ", data: " + event.data().replace("\n", "\\n");
        return check(Expectations.text("the next event", expected, actual, expected, event.describe()));
    }

    /**
     * Expects the next event to have this data (any type).
     *
     * <pre>{@code events.expectData("hello")}</pre>
     *
     * @param data the data
     * @return this stream
     */
    public EventStream expectData(String data) {
        ServerSentEvent event = next();
        return check(Expectations.text("the next event's data", data, event.data(), data, event.describe()));
    }

    /**
     * Expects the JSON value at a pointer in the next event's data to equal a value, compared as JSON.
     *
     * <pre>{@code events.expectJson("/status", "running").expectJson("", Map.of("status", "done"))}</pre>
     *
     * @param pointer "" for the whole data, or a pointer such as "/progress"
     * @param expected the value (anything Jackson serializes; null for JSON null)
     * @return this stream
     */
    public EventStream expectJson(String pointer, @Nullable Object expected) {
        Json.pointer(pointer);
        ServerSentEvent event = next();
        JsonNode data = dataAsJson(event, "expectJson(\"" + pointer + "\", ...)");
        return data == null ? this
                : check(withEvent(Expectations.json(live.settings().mapper(), data, pointer, expected, " of the next event"),
                        event));
    }

    /**
     * Expects the next event's data, as JSON, to match a value under a comparison (strict, or lenient
     * about extra members and array order); reads the next event. A mismatch lists every difference.
     *
     * <pre>{@code events.expectJson("", Map.of("status", "done"), JsonComparison.lenient())}</pre>
     *
     * @param pointer "" for the whole data, or a pointer such as "/job"
     * @param expected the value (anything Jackson serializes)
     * @param how strict or lenient, and where array order does not matter
     * @return this stream
     */
    public EventStream expectJson(String pointer, @Nullable Object expected, JsonComparison how) {
        Json.pointer(pointer);
        Response.requireComparison(how);
        ServerSentEvent event = next();
        JsonNode data = dataAsJson(event, "expectJson(\"" + pointer + "\", ...)");
        return data == null ? this : check(withEvent(Expectations.json(live.settings().mapper(), data, pointer, expected,
                how.rules(), " of the next event"), event));
    }

    /**
     * Expects the JSON value at a pointer in the next event's data to satisfy a predicate.
     *
     * <pre>{@code events.expectJsonMatching("/progress", p -> p.asInt() > 50)}</pre>
     *
     * @param pointer "" for the whole data, or a pointer such as "/progress"
     * @param predicate true for an acceptable value
     * @return this stream
     */
    public EventStream expectJsonMatching(String pointer, Predicate<JsonNode> predicate) {
        return expectJsonMatching(pointer, "a value matching the predicate", predicate);
    }

    /**
     * Expects the JSON value at a pointer in the next event's data to satisfy a predicate, described
     * for the failure message.
     *
     * <pre>{@code events.expectJsonMatching("/progress", "past half way", p -> p.asInt() > 50)}</pre>
     *
     * @param pointer "" for the whole data, or a pointer such as "/progress"
     * @param description what the predicate checks
     * @param predicate true for an acceptable value
     * @return this stream
     */
    public EventStream expectJsonMatching(String pointer, String description, Predicate<JsonNode> predicate) {
        Json.pointer(pointer);
        ServerSentEvent event = next();
        JsonNode data = dataAsJson(event, "expectJsonMatching(\"" + pointer + "\", ...)");
        return data == null ? this
                : check(withEvent(Expectations.jsonMatching(data, pointer, description, predicate, " of the next event"),
                        event));
    }

    /**
     * Expects the next event to satisfy a predicate.
     *
     * <pre>{@code events.expectEventMatching(e -> e.json().has("time"))}</pre>
     *
     * @param predicate true for an acceptable event
     * @return this stream
     */
    public EventStream expectEventMatching(Predicate<ServerSentEvent> predicate) {
        return expectEventMatching("an event matching the predicate", predicate);
    }

    /**
     * Expects the next event to satisfy a predicate, described for the failure message.
     *
     * <pre>{@code events.expectEventMatching("a heartbeat with a time", e -> e.json().has("time"))}</pre>
     *
     * @param description what the predicate checks
     * @param predicate true for an acceptable event
     * @return this stream
     */
    public EventStream expectEventMatching(String description, Predicate<ServerSentEvent> predicate) {
        ServerSentEvent event = next();
        return predicate.test(event) ? this
                : check(Facts.of("expected the next event", description).and("but was", event.describe()));
    }

    /**
     * Expects that no event arrives within a time (heartbeat comments do not count).
     *
     * <pre>{@code events.expectNoEvent(Duration.ofMillis(100))}</pre>
     *
     * @param within how long to watch
     * @return this stream
     */
    public EventStream expectNoEvent(Duration within) {
        requirePositive(within, "expectNoEvent");
        ServerSentEvent event = poll(deadline(within), "no event", "expectNoEvent");
        return event == null ? this : check(Facts.of("expected", "no event within " + Failures.duration(within))
                .and("but got", event.describe()).and("events before it", reader.handedOut() - 1));
    }

    /**
     * Expects the server to end the stream (complete the response) with no further event, waiting at
     * most the request's timeout.
     *
     * <pre>{@code events.expectEvent("done", "ok").expectEnd()}</pre>
     *
     * @return this stream
     */
    public EventStream expectEnd() {
        return expectEnd(live.timeout());
    }

    /**
     * Expects the server to end the stream with no further event within {@code within}.
     *
     * <pre>{@code events.expectEnd(Duration.ofSeconds(1))}</pre>
     *
     * @param within how long the stream may take to end
     * @return this stream
     */
    public EventStream expectEnd(Duration within) {
        requirePositive(within, "expectEnd");
        String awaited = "the stream to end within " + Failures.duration(within);
        ServerSentEvent event = poll(deadline(within), awaited, "expectEnd");
        if (event != null) {
            return check(Facts.of("expected", awaited).and("but got", event.describe()));
        }
        if (!reader.endedComplete()) {
            throw missing(awaited, within, "events.expectEnd(Duration)");
        }
        return this;
    }

    /**
     * Expects the events read so far (type, id, retry and data, JSON data pretty-printed) to match the
     * test's snapshot; nothing more is read. The first run writes it beside the test's source; later
     * runs compare. {@code -Dtestlet.snapshots=update} rewrites it; on CI a missing snapshot fails.
     *
     * <pre>{@code
     * events.take(5);
     * events.expectSnapshot();
     * }</pre>
     *
     * @return this stream
     * @throws IllegalStateException outside a test run with the JUnit extension
     */
    public EventStream expectSnapshot() {
        return snapshot(null);
    }

    /**
     * Like {@link #expectSnapshot()}, under a name of its own (unique within the test).
     *
     * <pre>{@code events.expectSnapshot("first five")}</pre>
     *
     * @param name the snapshot's name in the test's file
     * @return this stream
     */
    public EventStream expectSnapshot(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("expectSnapshot needs a name that is not blank; use expectSnapshot()"
                    + " for a numbered one");
        }
        return snapshot(name);
    }

    private EventStream snapshot(@Nullable String name) {
        SnapshotSession session = TestBinding.snapshots("events.expectSnapshot()");
        if (reader.handedOut() > EventReader.EVENTS_KEPT) {
            throw new IllegalStateException("this stream has handed out " + reader.handedOut() + " events, more than the"
                    + " " + EventReader.EVENTS_KEPT + " a snapshot keeps; snapshot a shorter stream");
        }
        Rendering rendering = new SnapshotRenderer(live.settings().mapper())
                .events(reader.read(), live.settings().snapshotRedactions());
        try {
            session.check(name, rendering);
        } catch (AssertionError e) {
            live.settings().scope().raise(e);
        }
        return this;
    }

    // ---------------------------------------------------------------- reconnection

    /**
     * The id of the last event this stream handed out ({@link ServerSentEvent#id()}): what a browser
     * would send as {@code Last-Event-ID} on reconnecting.
     *
     * <pre>{@code events.lastEventId()   // "41"}</pre>
     *
     * @return the id, empty when there was none
     */
    public String lastEventId() {
        return reader.lastEventId();
    }

    /**
     * The reconnection time the server asked for with {@code retry:}, among the bytes read so far.
     *
     * <pre>{@code events.reconnectionTime()   // PT3S}</pre>
     *
     * @return the time, or null when the server set none
     */
    public @Nullable Duration reconnectionTime() {
        return reader.reconnectionTime();
    }

    /**
     * Closes this stream and opens the same request again, as a browser reconnects: with
     * {@code Last-Event-ID} set to {@link #lastEventId()} (left out when empty) and the cookie jar's
     * current cookies.
     *
     * <pre>{@code
     * events.take(2);                              // ids 1 and 2
     * try (EventStream resumed = events.reconnect()) {
     *     resumed.expectEventMatching("id 3", e -> e.id().equals("3"));
     * }
     * }</pre>
     *
     * @return the new stream; close it too
     */
    public EventStream reconnect() {
        close();
        RequestPlan plan = live.plan();
        Headers headers = plan.headers().without("Last-Event-ID");
        String id = reader.lastEventId();
        if (!id.isEmpty()) {
            headers = headers.with("Last-Event-ID", id);
        }
        return open(live.settings(), plan.withHeaders(headers));
    }

    /**
     * Disconnects: the server's next write fails. Idempotent; leaving a {@code try} block calls it,
     * and so does closing the app for streams left open.
     *
     * <pre>{@code events.close();}</pre>
     */
    @Override
    public void close() {
        live.close();
    }

    /**
     * The exchange so far, as failures print it.
     *
     * @return the request, the response headers and the body read so far
     */
    @Override
    public String toString() {
        return live.context();
    }

    // ---------------------------------------------------------------- internals

    private @Nullable ServerSentEvent poll(long deadline, String awaited, String call) {
        return reader.poll(deadline, awaited, call);
    }

    private AssertionError missing(String awaited, Duration waited, String longer) {
        return reader.missing(awaited, waited, longer);
    }

    /** The event's data as JSON, or null after raising why it is not. */
    private @Nullable JsonNode dataAsJson(ServerSentEvent event, String call) {
        try {
            return live.settings().mapper().readTree(event.data());
        } catch (tools.jackson.core.JacksonException e) {
            check(Facts.of("expected", "an event with JSON data, for " + call)
                    .and("but", "its data is not JSON: " + Json.why(e))
                    .and("event", event.describe()));
            return null;
        }
    }

    private static Expectations.@Nullable Mismatch withEvent(Expectations.@Nullable Mismatch mismatch, ServerSentEvent event) {
        if (mismatch != null) {
            mismatch.facts().and("event", event.describe());
        }
        return mismatch;
    }

    private static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static void requirePositive(@Nullable Duration timeout, String call) {
        Checks.positive(timeout, "the duration given to " + call, "Duration.ofSeconds(2)");
    }
}
