/**
 * Testlet's engine: mounts a servlet app on a real Jetty 12 (ee10) behind a {@code LocalConnector}
 * and runs request plans against it.
 *
 * <p>Only {@code dev.testlet.engine} is API. The machinery in {@code dev.testlet.engine.internal} is
 * open to Testlet's own DSL module and to nobody else.
 */
module dev.testlet.engine {
    requires transitive jakarta.servlet;
    requires transitive jakarta.websocket;
    requires transitive org.eclipse.jetty.ee10.servlet;
    requires transitive org.jspecify;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.ee10.websocket.jakarta.server;
    requires java.logging;

    exports dev.testlet.engine;
    exports dev.testlet.engine.internal to dev.testlet;
}
