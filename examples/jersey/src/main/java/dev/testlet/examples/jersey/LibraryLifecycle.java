package dev.testlet.examples.jersey;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import java.time.Duration;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;

/**
 * Checks the app's configuration and starts the feed's heartbeat when Jersey starts; ends the feed
 * when it stops. Its settings are context parameters (web.xml {@code <context-param>}).
 */
public final class LibraryLifecycle implements ContainerLifecycleListener {

    private final Feed feed;

    @Context
    private ServletContext servletContext;

    /**
     * @param feed the app's feed
     */
    public LibraryLifecycle(Feed feed) {
        this.feed = feed;
    }

    @Override
    public void onStartup(Container container) {
        String token = servletContext.getInitParameter(LibraryApplication.TOKEN);
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the context parameter " + LibraryApplication.TOKEN
                    + " is not set: it is the bearer token that adding and removing books need");
        }
        String heartbeat = servletContext.getInitParameter(LibraryApplication.HEARTBEAT_MILLIS);
        feed.startHeartbeat(Duration.ofMillis(heartbeat == null ? 15_000 : Long.parseLong(heartbeat)));
    }

    @Override
    public void onReload(Container container) {}

    @Override
    public void onShutdown(Container container) {
        feed.close();
    }
}
