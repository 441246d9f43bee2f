package dev.testlet.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's servlet context, with overrides: a test can replace an attribute the app reads its
 * collaborators from, and the override wins for as long as it is active, even over the app's own
 * {@code setAttribute} for the same name (so a listener that sets it at startup cannot undo it).
 * The app's own value is kept underneath and comes back when the override is removed.
 */
public final class TestletContextHandler extends ServletContextHandler {

    /** Active overrides by name; the top of each stack wins (overrides can nest). */
    private final Map<String, Deque<Object>> overrides = new ConcurrentHashMap<>();
    /** Names the app has asked for, to catch overrides of names it never reads. */
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    TestletContextHandler() {
        super(ServletContextHandler.SESSIONS);
    }

    /** The servlet context the app sees, with overrides. */
    @Override
    public ServletContextApi newServletContextApi() {
        return new OverridableApi();
    }

    /**
     * Installs an override; returns the action that removes it (idempotent).
     *
     * @param name the attribute name
     * @param value the value the app will read
     * @return the action that removes this override
     */
    public Runnable override(String name, Object value) {
        Object token = new Object[] {value};
        overrides.compute(name, (n, stack) -> {
            Deque<Object> s = stack == null ? new ArrayDeque<>() : stack;
            s.push(token);
            return s;
        });
        return () -> overrides.computeIfPresent(name, (n, stack) -> {
            stack.remove(token);
            return stack.isEmpty() ? null : stack;
        });
    }

    void clearOverrides() {
        overrides.clear();
    }

    List<String> overriddenNames() {
        return new ArrayList<>(overrides.keySet());
    }

    /** Whether the app has an attribute of that name or has asked for one. */
    boolean knows(String name) {
        return read.contains(name) || getContext().getAttribute(name) != null;
    }

    /** The attribute names the app has or has asked for, for "did you mean" messages. */
    Set<String> knownNames() {
        Set<String> names = new LinkedHashSet<>(read);
        names.addAll(getContext().getAttributeNameSet());
        names.removeIf(n -> n.startsWith("org.eclipse.jetty") || n.startsWith("jakarta.") || n.startsWith("dev.testlet"));
        return names;
    }

    private @Nullable Object active(String name) {
        Deque<Object> stack = overrides.get(name);
        Object top = stack == null ? null : stack.peek();
        return top == null ? null : ((Object[]) top)[0];
    }

    /** The ServletContext the app sees. */
    final class OverridableApi extends ServletContextApi {
        @Override
        public Object getAttribute(String name) {
            read.add(name);
            Object overridden = active(name);
            return overridden != null ? overridden : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            names.addAll(overrides.keySet());
            return Collections.enumeration(names);
        }
    }
}
