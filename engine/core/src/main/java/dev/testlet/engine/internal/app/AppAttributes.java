package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.mount.AttributeSource;
import dev.testlet.engine.spi.OverrideLayer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The overrides of one app. The builder's lifelong overrides form the base layer; each scope (test)
 * has a layer on top. The layer of the request a thread works for is bound to that thread, by
 * Testlet's filter for a request's handler and by the tracked executors for the tasks a request
 * starts, so concurrent tests that share the app each see their own overrides. A thread no request
 * is bound to (one the app started itself, a timer) sees the base layer.
 */
public final class AppAttributes implements AttributeSource {

    private final OverrideLayer base = new OverrideLayer(null);
    private final ThreadLocal<@Nullable OverrideLayer> bound = new ThreadLocal<>();
    /** Names the app has asked for, to catch overrides of names it never reads. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    /**
     * The outermost layer: the builder's overrides, for the app's whole life.
     *
     * @return the base layer
     */
    public OverrideLayer base() {
        return base;
    }

    /**
     * Binds a request's layer to the calling thread.
     *
     * @param layer the layer, or null for the base layer
     * @return what was bound before, to {@link #restore}
     */
    public @Nullable OverrideLayer bind(@Nullable OverrideLayer layer) {
        OverrideLayer previous = bound.get();
        if (layer != previous) {
            bound.set(layer);
        }
        return previous;
    }

    /**
     * Restores what {@link #bind} returned.
     *
     * @param previous the layer bound before
     */
    public void restore(@Nullable OverrideLayer previous) {
        if (previous == null) {
            bound.remove();
        } else {
            bound.set(previous);
        }
    }

    /**
     * The layer bound to the calling thread, to carry into a task it starts.
     *
     * @return the layer, or null for the base layer
     */
    public @Nullable OverrideLayer current() {
        return bound.get();
    }

    @Override
    public @Nullable Object overrideFor(String name) {
        if (!read.contains(name)) {
            read.add(name);
        }
        OverrideLayer layer = bound.get();
        return (layer != null ? layer : base).get(name);
    }

    @Override
    public Set<String> overriddenNames() {
        OverrideLayer layer = bound.get();
        return (layer != null ? layer : base).names();
    }

    @Override
    public void overrideForLife(String name, Object value) {
        base.put(name, value);
    }

    /**
     * Whether the app has asked for an attribute of that name.
     *
     * @param name the name
     * @return true once it has
     */
    public boolean wasRead(String name) {
        return read.contains(name);
    }

    /**
     * The names the app has asked for.
     *
     * @return the names
     */
    public Set<String> readNames() {
        return Set.copyOf(read);
    }
}
