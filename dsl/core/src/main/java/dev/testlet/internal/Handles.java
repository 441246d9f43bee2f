package dev.testlet.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a scope opened and has not closed yet (streams, WebSocket sessions, inner scopes), so that
 * closing the scope closes exactly those, newest first, and can say which were left open and where
 * they were opened. Thread-safe.
 *
 * <pre>{@code
 * Runnable forget = handles.add(stream::closeIfOpen, "event stream GET /events", OpenedAt.here());
 * forget.run();                          // the test closed it itself
 * List<String> leftOpen = handles.closeAll();
 * }</pre>
 */
public final class Handles {

    /** Something a scope closes if its test did not. */
    @FunctionalInterface
    public interface Handle {

        /**
         * Closes it if it is still open.
         *
         * @return a note to add to its description ("" for none), or null when it was closed already
         */
        @Nullable String closeIfOpen();
    }

    private record Entry(String description, String openedAt) {}

    private final Map<Handle, Entry> open = new LinkedHashMap<>();

    /**
     * Registers a handle.
     *
     * @param handle how to close it
     * @param description what it is, as "event stream GET /events"
     * @param openedAt where the test opened it, as "ItemsTest.lists(ItemsTest.java:42)"
     * @return the action that forgets it (when its owner closed it)
     */
    public Runnable add(Handle handle, String description, String openedAt) {
        synchronized (open) {
            open.put(handle, new Entry(description, openedAt));
        }
        return () -> {
            synchronized (open) {
                open.remove(handle);
            }
        };
    }

    /**
     * How many handles are registered.
     *
     * @return the count
     */
    public int size() {
        synchronized (open) {
            return open.size();
        }
    }

    /**
     * Closes every handle still open, newest first.
     *
     * @return one line per handle that was left open: what it is and where it was opened
     */
    public List<String> closeAll() {
        List<Map.Entry<Handle, Entry>> left;
        synchronized (open) {
            left = new ArrayList<>(open.entrySet());
            open.clear();
        }
        List<String> leftOpen = new ArrayList<>();
        for (int i = left.size() - 1; i >= 0; i--) {
            Entry entry = left.get(i).getValue();
            String note;
            try {
                note = left.get(i).getKey().closeIfOpen();
            } catch (RuntimeException e) {
                note = " (closing it failed: " + e + ")";
            }
            if (note != null) {
                leftOpen.add(entry.description() + note + " (opened at " + entry.openedAt() + ")");
            }
        }
        return leftOpen;
    }
}
