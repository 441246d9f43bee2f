package dev.testlet.engine.ee10;

import dev.testlet.engine.internal.mount.AppParts;
import dev.testlet.engine.internal.mount.ContextHooks;
import dev.testlet.engine.internal.mount.ServletContainer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.jspecify.annotations.Nullable;

/**
 * Jetty's servlet container of one EE level, for Testlet's engine. This source is written once, for
 * EE 10; the EE 11 module compiles a copy generated from it with the EE level's package names
 * swapped, so the two levels never drift apart.
 */
public final class JettyContainer implements ServletContainer {

    /** The EE level, as Jetty names its packages. */
    private static final String LEVEL = "ee10";

    /** Found by {@link java.util.ServiceLoader}. */
    public JettyContainer() {}

    @Override
    public String level() {
        return LEVEL;
    }

    @Override
    public boolean servlet61() {
        return LEVEL.equals("ee11");
    }

    @Override
    public ContextHandler newContext(ContextHooks hooks) {
        TestletContext context = new TestletContext(hooks.attributes());
        context.setAttribute(ContextHooks.LENT_EXECUTOR, hooks.lentExecutor());
        FilterHolder front = new FilterHolder(hooks.front());
        front.setName(ContextHooks.FILTER_NAME);
        front.setAsyncSupported(true);
        context.addFilter(front, "/*", EnumSet.allOf(DispatcherType.class));
        if (hooks.webSocketTracking() != null) {
            // Ahead of the app's own Jakarta WebSocket initializer, so it sees every endpoint mapping.
            context.addServletContainerInitializer(hooks.webSocketTracking());
        }
        return context;
    }

    @Override
    public boolean owns(ContextHandler context) {
        return context instanceof ServletContextHandler;
    }

    @Override
    public void install(ContextHandler context, AppParts parts) {
        ContextInstall.install((ServletContextHandler) context, parts);
    }

    @Override
    public @Nullable Request coreRequest(ServletRequest request) {
        return ServletContextRequest.getServletContextRequest(request);
    }

    @Override
    public String toString() {
        return "Jetty " + LEVEL + " (Servlet " + (servlet61() ? "6.1" : "6.0") + ")";
    }
}
