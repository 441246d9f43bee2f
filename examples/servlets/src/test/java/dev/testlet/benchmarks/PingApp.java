package dev.testlet.benchmarks;

import dev.testlet.engine.ServletApp;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

/** The one app the benchmarks share, in Testlet's terms and as a plain Jetty context. */
final class PingApp {

    /** The request a raw client sends; Testlet sends the same bytes. */
    static final String REQUEST = "GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private PingApp() {}

    /** {@link PingServlet} at {@code /ping}. */
    static ServletApp app() {
        return ServletApp.builder().servlet("/ping", PingServlet.class).build();
    }

    /** The same app with a WebSocket endpoint, so the Jakarta WebSocket container starts with it. */
    static ServletApp withWebSocket() {
        return ServletApp.builder().servlet("/ping", PingServlet.class).websocket(PingEndpoint.class).build();
    }

    /** The app mounted on a context of its own, for a hand-made Jetty server. */
    static ServletContextHandler context() {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        app().installInto(context);
        return context;
    }

    /** HTTP/1.1 configured as Testlet configures it (no Server header), so responses are byte for byte the same. */
    static HttpConnectionFactory http() {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        return new HttpConnectionFactory(config);
    }
}
