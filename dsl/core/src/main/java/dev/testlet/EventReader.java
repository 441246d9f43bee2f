package dev.testlet;

import dev.testlet.internal.EventStreamParser;
import dev.testlet.internal.Facts;
import dev.testlet.internal.snapshot.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import dev.testlet.internal.LimitExceededException;
import dev.testlet.internal.Failures;
import dev.testlet.internal.MediaTypes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The reading side of an {@link EventStream}: feeds the body to the parser as it arrives, hands out
 * events, remembers the latest ones and the last id, and builds the failure for an event that did not
 * come (what was awaited, how the stream stands, the events so far, an unfinished event, skipped
 * heartbeats, the handler's stack).
 */
final class EventReader {

    /** How many of the latest events a failure lists. */
    private static final int LISTED = 5;

    /** How many of the events read are kept for a snapshot. */
    static final int EVENTS_KEPT = 1_000;

    private final LiveExchange live;
    private final EventStreamParser parser;
    private final ArrayDeque<EventStreamParser.Event> parsed = new ArrayDeque<>();
    private final ArrayDeque<ServerSentEvent> latest = new ArrayDeque<>(LISTED);
    private final List<RecordedEvent> read = new ArrayList<>();
    private long handedOut;
    private String lastEventId = "";
    private boolean checkedType;

    EventReader(LiveExchange live) {
        this.live = live;
        Limits limits = live.settings().limits();
        this.parser = new EventStreamParser(limits.maxLineBytes(), limits.maxEventBytes());
    }

    /** The next event, or null when the deadline passed or the stream ended first. */
    @Nullable ServerSentEvent poll(long deadline, String awaited, String call) {
        live.checkOpen(call + "()");
        checkEventStream(awaited);
        while (parsed.isEmpty()) {
            if (parser.isEnded()) {
                return null;
            }
            ByteBuffer chunk = live.read(deadline, awaited);
            if (chunk == null) {
                return null;
            }
            try {
                if (!chunk.hasRemaining()) {
                    parser.end();
                } else {
                    parser.feed(chunk, parsed::add);
                }
            } catch (LimitExceededException e) {
                throw live.fail(Facts.of("expected", awaited).and("but", e.getMessage()));
            }
        }
        EventStreamParser.Event e = parsed.poll();
        Long retry = e.retryMillis();
        ServerSentEvent event = new ServerSentEvent(e.type(), e.data(), e.lastEventId(),
                retry == null ? null : Duration.ofMillis(retry), live.settings().mapper());
        handedOut++;
        if (read.size() < EVENTS_KEPT) {
            read.add(new RecordedEvent(event.event(), event.data(), event.id().isEmpty() ? null : event.id(), event.retry()));
        }
        lastEventId = event.id();
        if (latest.size() == LISTED) {
            latest.poll();
        }
        latest.add(event);
        return event;
    }

    /** Whether the server completed the response and every event in it was handed out. */
    boolean endedComplete() {
        return parsed.isEmpty() && parser.isEnded() && live.isComplete();
    }

    /** The events handed out so far, for a snapshot (at most {@link #EVENTS_KEPT}). */
    List<RecordedEvent> read() {
        return List.copyOf(read);
    }

    long handedOut() {
        return handedOut;
    }

    String lastEventId() {
        return lastEventId;
    }

    @Nullable Duration reconnectionTime() {
        Long millis = parser.reconnectionTime();
        return millis == null ? null : Duration.ofMillis(millis);
    }

    /** Fails at once, with the body, when the response is not an event stream at all. */
    private void checkEventStream(String awaited) {
        if (checkedType) {
            return;
        }
        String type = live.header("Content-Type");
        if (type != null && MediaTypes.mediaType(type).equals("text/event-stream")) {
            checkedType = true;
            return;
        }
        long deadline = System.nanoTime() + Math.min(live.timeout().toNanos(), 1_000_000_000L);
        ByteBuffer chunk;
        while ((chunk = live.read(deadline, awaited)) != null && chunk.hasRemaining()) {
            // the transcript keeps the body for the message
        }
        throw live.fail(Facts.of("expected", awaited)
                .and("but", "the response is not an event stream: " + live.statusLine() + " with "
                        + (type == null ? "no Content-Type" : "Content-Type " + type))
                .and("to check the response first", "events.expectStatus(200).expectContentType(\"text/event-stream\")"));
    }

    /** The failure for an event (or an end) that did not come. */
    AssertionError missing(String awaited, Duration waited, String longer) {
        Facts facts = Facts.of("expected", awaited);
        if (parser.isEnded()) {
            facts.and("but", live.ending());
        } else {
            facts.and("but", "nothing more came in " + Failures.duration(waited) + "; the stream is still open");
        }
        facts.and("events so far", handedOut + (handedOut == 0 ? "" : ", the last " + latest.size() + ":\n"
                + String.join("\n", latest.stream().map(ServerSentEvent::describe).toList())));
        String pending = parser.pending();
        if (!pending.isEmpty()) {
            facts.and("unfinished event", pending + (parser.isEnded() ? " (discarded at the end)" : " (no blank line yet)"));
        }
        if (parser.comments() > 0) {
            facts.and("comments skipped", parser.comments() + " (heartbeats)");
        }
        if (!parser.isEnded()) {
            facts.and("handler thread", live.handlerFact());
            facts.and("to wait longer", longer + " or client.withTimeout(Duration)");
        }
        return live.fail(facts);
    }
}
