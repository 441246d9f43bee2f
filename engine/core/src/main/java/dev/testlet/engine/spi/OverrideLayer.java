package dev.testlet.engine.spi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The attribute overrides of one scope (a test, a class, a client started outside JUnit). A request
 * carries its scope's layer into the app, so the app sees that scope's overrides while it handles the
 * request, and no other scope's, even when scopes share the app and run at once. A layer falls back
 * to its parent, and the outermost one to the overrides the app's builder installed. Overrides of
 * one name nest: the latest wins until it is removed. Thread-safe.
 *
 * <pre>{@code
 * OverrideLayer test = app.newLayer(null);
 * Runnable restore = test.put("mailer", fakeMailer);
 * test.get("mailer");   // fakeMailer
 * restore.run();        // gone again
 * }</pre>
 */
public final class OverrideLayer {

    private final @Nullable OverrideLayer parent;
    /** Active overrides by name; the top of each stack wins. A value is boxed so equal values nest. */
    private final Map<String, Deque<Object[]>> active = new ConcurrentHashMap<>();

    /**
     * A layer on top of another.
     *
     * <pre>{@code OverrideLayer child = new OverrideLayer(parent);}</pre>
     *
     * @param parent the layer to fall back to, or null for the outermost
     */
    public OverrideLayer(@Nullable OverrideLayer parent) {
        this.parent = parent;
    }

    /**
     * Overrides an attribute in this layer until the returned action runs.
     *
     * <pre>{@code Runnable restore = layer.put("clock", fixedClock);}</pre>
     *
     * @param name the attribute name
     * @param value the value the app will read
     * @return the action that removes exactly this override (idempotent)
     */
    public Runnable put(String name, Object value) {
        Object[] token = {value};
        active.compute(name, (n, stack) -> {
            Deque<Object[]> s = stack == null ? new ArrayDeque<>() : stack;
            s.push(token);
            return s;
        });
        return () -> active.computeIfPresent(name, (n, stack) -> {
            stack.remove(token);
            return stack.isEmpty() ? null : stack;
        });
    }

    /**
     * The value the app sees for a name: this layer's latest override, else its parent's.
     *
     * <pre>{@code layer.get("mailer")}</pre>
     *
     * @param name the attribute name
     * @return the overriding value, or null when no layer overrides it
     */
    public @Nullable Object get(String name) {
        for (OverrideLayer layer = this; layer != null; layer = layer.parent) {
            if (!layer.active.isEmpty()) {
                Deque<Object[]> stack = layer.active.get(name);
                Object[] top = stack == null ? null : stack.peek();
                if (top != null) {
                    return top[0];
                }
            }
        }
        return null;
    }

    /**
     * The names overridden here or in a parent.
     *
     * <pre>{@code layer.names()   // [mailer, clock]}</pre>
     *
     * @return the names
     */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (OverrideLayer layer = this; layer != null; layer = layer.parent) {
            names.addAll(layer.active.keySet());
        }
        return names;
    }

    /**
     * Removes every override of this layer (its parent keeps its own).
     *
     * <pre>{@code layer.clear()   // [mailer]}</pre>
     *
     * @return the names that were overridden here
     */
    public List<String> clear() {
        List<String> names = new ArrayList<>(active.keySet());
        active.clear();
        return names;
    }

    /**
     * The layer this one falls back to.
     *
     * <pre>{@code layer.parent()}</pre>
     *
     * @return the parent, or null for the outermost layer
     */
    public @Nullable OverrideLayer parent() {
        return parent;
    }
}
