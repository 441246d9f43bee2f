package dev.testlet.engine.internal.app;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.http.pathmap.PathSpec;
import dev.testlet.engine.internal.transport.InFlight;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.FrameHandlerFactory;
import org.eclipse.jetty.websocket.core.server.WebSocketCreator;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.jspecify.annotations.Nullable;

/**
 * Puts a {@link TrackedFrameHandler} around the frame handler of every WebSocket session a test opens.
 * It runs as a {@link ServletContainerInitializer} ahead of Jetty's Jakarta WebSocket one and installs
 * the context's {@link WebSocketMappings} first (Jetty's {@code ensureMappings} then finds and keeps
 * it), so every endpoint mapping, also one an app adds itself through the {@code ServerContainer},
 * goes through {@link Mappings#addMapping(PathSpec, WebSocketCreator, FrameHandlerFactory,
 * Configuration.Customizer)}. Sessions that do not come from a test's wire are left alone.
 */
final class WebSocketTracking implements ServletContainerInitializer {

    private final Function<Request, @Nullable InFlight> lookup;
    private final LogCapture logs;
    private final AppAttributes attributes;
    private volatile @Nullable ContextHandler context;

    WebSocketTracking(Function<Request, @Nullable InFlight> lookup, LogCapture logs, AppAttributes attributes) {
        this.lookup = lookup;
        this.logs = logs;
        this.attributes = attributes;
    }

    /** The context whose mappings to track, known once the container made it (before it starts). */
    void attach(ContextHandler contextHandler) {
        this.context = contextHandler;
    }

    @Override
    public void onStartup(@Nullable Set<Class<?>> classes, ServletContext servletContext) {
        ContextHandler context = this.context;
        if (context == null) {
            throw new IllegalStateException("Testlet's WebSocket tracking was not attached to the app's context");
        }
        if (WebSocketMappings.getMappings(context) != null) {
            return;
        }
        WebSocketComponents components = WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
        Mappings mappings = new Mappings(components, this);
        context.setAttribute(WebSocketMappings.WEBSOCKET_MAPPING_ATTRIBUTE, mappings);
        context.addBean(mappings);
    }

    FrameHandlerFactory track(FrameHandlerFactory factory) {
        return (pojo, request, response) -> {
            FrameHandler handler = factory.newFrameHandler(pojo, request, response);
            InFlight session = handler == null ? null : lookup.apply(request);
            return session == null ? handler : new TrackedFrameHandler(handler, session, logs, attributes);
        };
    }

    /** The context's WebSocket mappings, with every endpoint's frame handlers tracked. */
    static final class Mappings extends WebSocketMappings {

        private final WebSocketTracking tracking;

        Mappings(WebSocketComponents components, WebSocketTracking tracking) {
            super(components);
            this.tracking = tracking;
        }

        @Override
        public void addMapping(PathSpec pathSpec, WebSocketCreator creator, FrameHandlerFactory factory,
                Configuration.Customizer customizer) {
            super.addMapping(pathSpec, creator, tracking.track(factory), customizer);
        }
    }
}
