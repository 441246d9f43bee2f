package dev.testlet.engine;

/**
 * Testlet's one escape hatch into Jetty: direct access to the servlet context the app is mounted on,
 * before it starts. Use it for what {@link ServletApp.Builder} does not cover (security handlers, MIME
 * types, session settings, a base resource for static files). The context type names the EE level, so
 * the customizer says which Jetty it was written for:
 *
 * <pre>{@code
 * import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
 *
 * ServletApp.builder()
 *     .servlet("/items/*", ItemsServlet.class)
 *     .configureJetty(ServletContextHandler.class, context -> context.getSessionHandler().setMaxInactiveInterval(60))
 *     .build();
 * }</pre>
 *
 * <p>Whatever you change here is Jetty-specific: the same test against a deployed server
 * ({@code Testlet.connect}) will not have it.
 *
 * @param <C> the context class: {@code org.eclipse.jetty.ee10.servlet.ServletContextHandler} (EE 10),
 *     {@code org.eclipse.jetty.ee11.servlet.ServletContextHandler} (EE 11), or the EE-neutral
 *     {@code org.eclipse.jetty.server.handler.ContextHandler}
 */
@FunctionalInterface
public interface ContextCustomizer<C> {

    /**
     * Changes the context before it starts.
     *
     * @param context the Jetty context the app is mounted on
     * @throws Exception anything; it fails the app's start with this exception as the cause
     */
    void customize(C context) throws Exception;
}
