package dev.testlet.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live handles (streams, sessions) a test opened on one app and has not closed yet, so that
 * closing the app closes them first and can say which were left open. Thread-safe.
 *
 * <pre>{@code
 * Runnable forget = handles.add(stream, "event stream GET /events");
 * ...
 * forget.run();                         // the stream closed itself
 * List<String> leftOpen = handles.closeAll();
 * }</pre>
 */
public final class OpenHandles {

    private final Map<AutoCloseable, String> open = new LinkedHashMap<>();

    /**
     * Registers a handle.
     *
     * @param handle what to close when the app closes
     * @param description what it is, as "event stream GET /events"
     * @return the action that forgets it (when it was closed by its owner)
     */
    public Runnable add(AutoCloseable handle, String description) {
        synchronized (open) {
            open.put(handle, description);
        }
        return () -> {
            synchronized (open) {
                open.remove(handle);
            }
        };
    }

    /** How many handles are open. */
    public int size() {
        synchronized (open) {
            return open.size();
        }
    }

    /**
     * Closes every handle still open, oldest first.
     *
     * @return the descriptions of the handles it closed
     */
    public List<String> closeAll() {
        Map<AutoCloseable, String> left;
        synchronized (open) {
            left = new LinkedHashMap<>(open);
            open.clear();
        }
        List<String> closed = new ArrayList<>(left.size());
        left.forEach((handle, description) -> {
            try {
                handle.close();
            } catch (Exception e) {
                // closing a handle the app already dropped; nothing to report beyond its name
            }
            closed.add(description);
        });
        return closed;
    }
}
