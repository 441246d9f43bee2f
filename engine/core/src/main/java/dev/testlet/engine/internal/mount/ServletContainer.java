package dev.testlet.engine.internal.mount;

import jakarta.servlet.ServletRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.jspecify.annotations.Nullable;

/**
 * One Jakarta EE level's servlet container: what a {@code testlet-engine-eeNN} module provides (found
 * with {@link java.util.ServiceLoader}) so the EE-neutral engine can mount an app on that level's
 * Jetty {@code ServletContextHandler}. Everything else (connectors, wires, parsing, tracking) is the
 * engine's, and exists once.
 */
public interface ServletContainer {

    /**
     * The EE level, as Jetty names its packages.
     *
     * @return "ee10" or "ee11"
     */
    String level();

    /**
     * Whether this container implements Servlet 6.1 (Jakarta EE 11).
     *
     * @return true for ee11
     */
    boolean servlet61();

    /**
     * A new servlet context for an app, with Testlet's hooks in place and nothing of the app yet.
     *
     * @param hooks Testlet's filter, overrides, lent executor and WebSocket tracking
     * @return the context, not started
     */
    ContextHandler newContext(ContextHooks hooks);

    /**
     * Whether a context is this container's servlet context (for {@code ServletApp.installInto}).
     *
     * @param context a Jetty context
     * @return true when {@link #install} can mount an app on it
     */
    boolean owns(ContextHandler context);

    /**
     * Mounts an app on a context that has not started: settings, attributes, listeners, filters,
     * servlets, initializers, error pages, WebSocket endpoints, then the app's Jetty customizers.
     *
     * @param context a context this container {@link #owns}
     * @param parts the app
     * @throws IllegalStateException when the context has started, or a customizer is for another EE level
     */
    void install(ContextHandler context, AppParts parts);

    /**
     * The core Jetty request behind a servlet request, to find which test sent it.
     *
     * @param request the request the app's filter chain sees
     * @return the core request, or null when it is not one of this container's
     */
    @Nullable Request coreRequest(ServletRequest request);
}
