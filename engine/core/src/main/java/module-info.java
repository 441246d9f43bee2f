/**
 * Testlet's engine: the EE-neutral part. It describes servlet apps ({@code dev.testlet.engine}), runs
 * request plans against them over in-process or socket transports ({@code dev.testlet.engine.spi}),
 * and mounts apps through the container of an EE level found on the class path
 * ({@code testlet-engine-ee10} or {@code testlet-engine-ee11}).
 */
module dev.testlet.engine {
    requires transitive jakarta.servlet;
    requires transitive jakarta.websocket;
    requires transitive org.eclipse.jetty.server;
    requires transitive org.jspecify;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires org.eclipse.jetty.websocket.core.common;
    requires org.eclipse.jetty.websocket.core.server;
    requires java.logging;
    // Optional: the app's Logback and Log4j 2 lines are captured when those backends are there.
    requires static org.slf4j;
    requires static ch.qos.logback.classic;
    requires static ch.qos.logback.core;
    requires static org.apache.logging.log4j;
    requires static org.apache.logging.log4j.core;
    requires static java.desktop;

    exports dev.testlet.engine;
    exports dev.testlet.engine.spi;
    exports dev.testlet.engine.internal.mount to dev.testlet.engine.ee10.container, dev.testlet.engine.ee11.container;

    uses dev.testlet.engine.internal.mount.ServletContainer;
}
