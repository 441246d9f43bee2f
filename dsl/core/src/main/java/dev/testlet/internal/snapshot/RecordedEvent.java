package dev.testlet.internal.snapshot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One server-sent event as a snapshot shows it.
 *
 * <pre>{@code new RecordedEvent("message", "{\"n\":1}", "7", null)}</pre>
 *
 * Immutable and thread-safe.
 *
 * @param type the event type ({@code message} when the stream named none)
 * @param data the data, lines joined by {@code \n}
 * @param id the last event id, or null (or empty) when the event had none
 * @param retry the reconnection time the event set, or null
 */
public record RecordedEvent(String type, String data, @Nullable String id, @Nullable Duration retry) {

    /**
     * Checks that type and data are present.
     *
     * @param type the type
     * @param data the data
     * @param id the id or null
     * @param retry the retry or null
     */
    public RecordedEvent {
        if (type == null || data == null) {
            throw new IllegalArgumentException("an event needs a type and data (use \"message\" and \"\" for none),"
                    + " but got type=" + type + ", data=" + data);
        }
    }
}
