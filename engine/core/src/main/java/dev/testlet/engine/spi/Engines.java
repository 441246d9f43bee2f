package dev.testlet.engine.spi;

import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.ServletApp;
import dev.testlet.engine.internal.app.AppServer;
import dev.testlet.engine.internal.logging.QuietSlf4j;
import dev.testlet.engine.internal.transport.Engine;
import dev.testlet.engine.internal.transport.SocketWires;
import dev.testlet.engine.internal.transport.Tracking;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Where an engine comes from: an app started in this JVM (in-process, or served on a real port), or a
 * server that is already running somewhere.
 *
 * <pre>{@code
 * App inProcess = Engines.start(app, Duration.ofSeconds(10));
 * App served = Engines.serve(app, Duration.ofSeconds(10));
 * Transport deployed = Engines.connect(URI.create("https://staging.example.org/api"), null);
 * }</pre>
 */
public final class Engines {

    private Engines() {}

    /**
     * Mounts an app on its own in-process Jetty, whose only connector is a {@code LocalConnector};
     * returns once its listeners' {@code contextInitialized} have run.
     *
     * <pre>{@code App app = Engines.start(servletApp, Duration.ofSeconds(10));}</pre>
     *
     * @param app the app
     * @param startupTimeout how long startup may take
     * @return the running app
     * @throws AppStartupException naming what failed; nothing is left running
     */
    public static App start(ServletApp app, Duration startupTimeout) {
        QuietSlf4j.startWithoutWarning();
        return AppServer.start(app, AppServer.Mode.IN_PROCESS, startupTimeout);
    }

    /**
     * Mounts an app on its own Jetty listening on 127.0.0.1 at a free port; its transport is a socket.
     *
     * <pre>{@code App app = Engines.serve(servletApp, Duration.ofSeconds(10)); app.transport().origin();}</pre>
     *
     * @param app the app
     * @param startupTimeout how long startup may take
     * @return the running app
     * @throws AppStartupException naming what failed; nothing is left running
     */
    public static App serve(ServletApp app, Duration startupTimeout) {
        QuietSlf4j.startWithoutWarning();
        return AppServer.start(app, AppServer.Mode.SERVED, startupTimeout);
    }

    /**
     * A transport to a server that is already running; connects lazily and keeps connections alive.
     *
     * <pre>{@code Transport t = Engines.connect(URI.create("http://localhost:8080"), null);}</pre>
     *
     * @param base scheme, host, optional port and path prefix
     * @param tls the TLS context for {@code https} (its trust store decides which certificates are
     *     accepted), or null for the JVM's default; the server's host name is always verified
     * @return the transport
     * @throws IllegalArgumentException when the URL is not http or https or has no host
     */
    public static Transport connect(URI base, @Nullable SSLContext tls) {
        QuietSlf4j.startWithoutWarning();
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + base + "' is not an http or https URL; pass a base URL such as"
                    + " http://localhost:8080 or https://staging.example.org/api");
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("'" + base + "' has no host; pass a base URL such as http://localhost:8080");
        }
        boolean secure = scheme.equals("https");
        String host = base.getHost();
        int defaultPort = secure ? 443 : 80;
        int port = base.getPort() < 0 ? defaultPort : base.getPort();
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        String origin = scheme + "://" + hostHeader;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Engine(new SocketWires(host, port, secure, tls, origin, null), Tracking.NONE, hostHeader, basePath,
                URI.create(origin), origin + basePath,
                () -> "this client of " + origin + " was closed; connect again with Testlet.connect(URI)");
    }
}
