package dev.testlet.engine;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Testlet's one escape hatch into Jetty: direct access to the {@link ServletContextHandler} the app
 * is mounted on, before it starts. Use it for what {@link ServletApp.Builder} does not cover
 * (security handlers, MIME types, session settings, a base resource for static files).
 *
 * <pre>{@code
 * ServletApp.builder()
 *     .servlet("/items/*", ItemsServlet.class)
 *     .configureJetty(context -> context.getSessionHandler().setMaxInactiveInterval(60))
 *     .build();
 * }</pre>
 *
 * <p>Whatever you change here is Jetty-specific: the same test against a deployed server
 * ({@code Testlet.connect}) will not have it.
 */
@FunctionalInterface
public interface ContextCustomizer {

    /**
     * Changes the context before it starts.
     *
     * @param context the Jetty context the app is mounted on
     * @throws Exception anything; it fails the app's start with this exception as the cause
     */
    void customize(ServletContextHandler context) throws Exception;
}
