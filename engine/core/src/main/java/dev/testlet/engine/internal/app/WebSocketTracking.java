package dev.testlet.engine.internal.app;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jetty.http.pathmap.PathSpec;
import dev.testlet.engine.internal.transport.InFlight;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.FrameHandlerFactory;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketCreator;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.jspecify.annotations.Nullable;

/**
 * Puts a {@link TrackedFrameHandler} around the frame handler of every WebSocket session a test opens.
 * It runs as a {@link ServletContainerInitializer} ahead of Jetty's Jakarta WebSocket one and installs
 * the context's {@link WebSocketMappings} first (Jetty's {@code ensureMappings} then finds and keeps
 * it), so every endpoint mapping, also one an app adds itself through the {@code ServerContainer},
 * goes through {@link Mappings#addMapping(PathSpec, WebSocketCreator, FrameHandlerFactory,
 * Configuration.Customizer)}; and an upgrade the app makes itself, with no mapping
 * ({@code ServerContainer.upgradeHttpToWebSocket}, which Spring's WebSocket support uses), goes
 * through {@link Mappings#getHandshaker()}. Sessions that do not come from a test's wire are left alone.
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
        return (pojo, request, response) -> track(factory.newFrameHandler(pojo, request, response), request);
    }

    /** The negotiator of an upgrade the app makes itself, with the frame handler it makes tracked. */
    WebSocketNegotiator track(WebSocketNegotiator negotiator) {
        return new WebSocketNegotiator() {
            @Override
            public @Nullable FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response,
                    Callback callback) {
                return track(negotiator.negotiate(request, response, callback), request);
            }

            @Override
            public void customize(Configuration configurable) {
                negotiator.customize(configurable);
            }
        };
    }

    /** The handler, tracked when its session comes from a test's wire (and it is not tracked already). */
    private @Nullable FrameHandler track(@Nullable FrameHandler handler, Request request) {
        if (handler == null || handler instanceof TrackedFrameHandler) {
            return handler;
        }
        InFlight session = lookup.apply(request);
        return session == null ? handler : new TrackedFrameHandler(handler, session, logs, attributes);
    }

    /** The context's WebSocket mappings, with every endpoint's frame handlers tracked. */
    static final class Mappings extends WebSocketMappings {

        private final WebSocketTracking tracking;
        private final Handshaker handshaker;

        Mappings(WebSocketComponents components, WebSocketTracking tracking) {
            super(components);
            this.tracking = tracking;
            this.handshaker = new TrackingHandshaker(super.getHandshaker(), tracking);
        }

        @Override
        public void addMapping(PathSpec pathSpec, WebSocketCreator creator, FrameHandlerFactory factory,
                Configuration.Customizer customizer) {
            super.addMapping(pathSpec, creator, tracking.track(factory), customizer);
        }

        /**
         * The handshaker for upgrades outside the mappings: Jetty's
         * {@code JakartaWebSocketServerContainer.upgradeHttpToWebSocket} builds its own negotiator and
         * upgrades through this (mapped upgrades use Jetty's handshaker directly, already tracked).
         */
        @Override
        public Handshaker getHandshaker() {
            return handshaker;
        }
    }

    /** Jetty's handshaker, tracking the frame handler of each session it upgrades to. */
    private record TrackingHandshaker(Handshaker jetty, WebSocketTracking tracking) implements Handshaker {

        @Override
        public boolean isWebSocketUpgradeRequest(Request request) {
            return jetty.isWebSocketUpgradeRequest(request);
        }

        @Override
        public boolean upgradeRequest(WebSocketNegotiator negotiator, Request request, Response response,
                Callback callback, WebSocketComponents components, Configuration.Customizer defaultCustomizer) {
            return jetty.upgradeRequest(tracking.track(negotiator), request, response, callback, components,
                    defaultCustomizer);
        }
    }
}
