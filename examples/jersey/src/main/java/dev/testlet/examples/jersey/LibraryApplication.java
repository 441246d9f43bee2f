package dev.testlet.examples.jersey;

import jakarta.ws.rs.ApplicationPath;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The library app, deployed as any Jersey app in a servlet container without a web.xml: Jersey's
 * {@code JerseyServletContainerInitializer} finds this {@code @ApplicationPath} class and registers
 * its servlet on {@code /api/*} (async supported). Each start builds a new, empty shelf.
 *
 * <p>Configuration, as context parameters: {@link #TOKEN} (required) and {@link #HEARTBEAT_MILLIS};
 * and the context attribute {@link #EXECUTOR}, the executor exports run on.
 */
@ApplicationPath("/api")
public class LibraryApplication extends ResourceConfig {

    /** The context parameter holding the bearer token that {@link Secured} requests need. */
    public static final String TOKEN = "library.token";

    /** The context parameter holding the feed's heartbeat interval in milliseconds (default 15000). */
    public static final String HEARTBEAT_MILLIS = "library.heartbeatMillis";

    /** The context attribute holding the {@code ExecutorService} that exports run on. */
    public static final String EXECUTOR = "library.executor";

    /** Registers the resources (each one instance, sharing this start's shelf and feed) and providers. */
    public LibraryApplication() {
        Shelf shelf = new Shelf();
        Feed feed = new Feed();
        // Resources as singletons built here, rather than bound through an injection binder: Jersey 4
        // moved its own AbstractBinder (org.glassfish.jersey.internal.inject), and this needs none.
        register(new BooksResource(shelf, feed));
        register(new FeedResource(feed));
        register(new LibraryLifecycle(feed));
        register(LibraryExceptionMapper.class);
        register(BearerTokenFilter.class);
        register(JacksonFeature.class);
        // No WADL: it needs JAXB, and would warn at every start that it is off.
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
    }
}
