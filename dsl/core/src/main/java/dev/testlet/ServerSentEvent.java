package dev.testlet;

import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Json;
import dev.testlet.internal.KotlinModuleHint;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One server-sent event, as an {@code EventSource} would deliver it. Immutable; equal when type,
 * data, id and retry are.
 *
 * <pre>{@code
 * ServerSentEvent e = events.next();
 * e.event();                       // "tick" ("message" when the server named no type)
 * e.data();                        // "{\"n\":1}", data lines joined with "\n"
 * e.id();                          // "1", the last id the stream sent, here or in an earlier event
 * e.json().get("n").asInt();       // 1
 * Tick tick = e.dataAs(Tick.class);
 * }</pre>
 */
public final class ServerSentEvent {

    private static final int SHOWN_DATA = 200;

    private final String event;
    private final String data;
    private final String id;
    private final @Nullable Duration retry;
    private final ObjectMapper mapper;

    ServerSentEvent(String event, String data, String id, @Nullable Duration retry, ObjectMapper mapper) {
        this.event = event;
        this.data = data;
        this.id = id;
        this.retry = retry;
        this.mapper = mapper;
    }

    /**
     * The event type: the {@code event:} field, or {@code "message"} when the server sent none (as
     * browsers do).
     *
     * <pre>{@code e.event()   // "progress"}</pre>
     *
     * @return the type
     */
    public String event() {
        return event;
    }

    /**
     * The data: the {@code data:} lines of the event joined with {@code "\n"}.
     *
     * <pre>{@code e.data()   // "line one\nline two"}</pre>
     *
     * @return the data, possibly empty
     */
    public String data() {
        return data;
    }

    /**
     * The event's id as browsers report it ({@code lastEventId}): the latest {@code id:} the stream
     * sent, in this event or an earlier one; empty when it has sent none.
     *
     * <pre>{@code e.id()   // "42"}</pre>
     *
     * @return the id, possibly empty
     */
    public String id() {
        return id;
    }

    /**
     * The reconnection time the server asked for with {@code retry:} since the previous event.
     *
     * <pre>{@code e.retry()   // PT5S, or null}</pre>
     *
     * @return the time, or null when the server set none
     */
    public @Nullable Duration retry() {
        return retry;
    }

    /**
     * The data parsed as JSON (with the client's mapper).
     *
     * <pre>{@code e.json().get("time").asLong()}</pre>
     *
     * @return the JSON tree
     * @throws AssertionError when the data is not JSON, showing the event
     */
    public JsonNode json() {
        try {
            return mapper.readTree(data);
        } catch (JacksonException e) {
            throw fail(Facts.of("expected", "JSON data in the event")
                    .and("but", "the data is not JSON: " + Json.why(e))
                    .and("to read it as text", "event.data()"));
        }
    }

    /**
     * The JSON value at a pointer (RFC 6901) in the data.
     *
     * <pre>{@code e.json("/progress").asInt()   // 40}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items/0/id"
     * @return the value there
     * @throws AssertionError when the data is not JSON or has no value there
     */
    public JsonNode json(String pointer) {
        JsonPointer p = Json.pointer(pointer);
        JsonNode root = json();
        JsonNode node = root.at(p);
        if (node.isMissingNode()) {
            throw fail(Facts.of("expected", "a JSON value at " + pointer + " in the event's data")
                    .and("but", Json.describeMissing(root, p)));
        }
        return node;
    }

    /**
     * The data read as an object with Jackson (the client's mapper).
     *
     * <pre>{@code Progress p = e.dataAs(Progress.class);}</pre>
     *
     * @param type the class to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError when Jackson cannot read the data as that type
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (JacksonException e) {
            throw unreadable(type.getName(), e, type);
        }
    }

    /**
     * The data read as a generic type.
     *
     * <pre>{@code
     * List<Item> items = e.dataAs(new TypeReference<List<Item>>() {});
     * // Kotlin: e.dataAs(object : TypeReference<List<Item>>() {})
     * }</pre>
     *
     * @param type the type to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError when Jackson cannot read the data as that type
     */
    public <T> T dataAs(TypeReference<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (JacksonException e) {
            throw unreadable(type.getType().getTypeName(), e, type.getType());
        }
    }

    private AssertionError unreadable(String type, JacksonException e, java.lang.reflect.Type requested) {
        return fail(KotlinModuleHint.addTo(Facts.of("expected", "event data Jackson can read as " + type)
                .and("but", Json.why(e)), mapper, e, requested)
                .and("to look at it", "event.json() or event.data()"));
    }

    private AssertionError fail(Facts facts) {
        return Failures.of(facts.and("event", describe()), null);
    }

    /**
     * The event in one line, its data cut after 200 characters, as failures list events.
     *
     * <pre>{@code e.describe()   // event: tick, id: 3, data: {"n":3}}</pre>
     *
     * @return the line
     */
    public String describe() {
        String shown = data.length() <= SHOWN_DATA ? data : data.substring(0, SHOWN_DATA) + "... ("
                + (data.length() - SHOWN_DATA) + " more characters)";
        return "event: " + event + (id.isEmpty() ? "" : ", id: " + id)
                + (retry == null ? "" : ", retry: " + retry.toMillis() + "ms")
                + ", data: " + shown.replace("\n", "\\n");
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ServerSentEvent e && event.equals(e.event) && data.equals(e.data) && id.equals(e.id)
                && Objects.equals(retry, e.retry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, data, id, retry);
    }

    /** The event as {@link #describe()} shows it. */
    @Override
    public String toString() {
        return describe();
    }
}
