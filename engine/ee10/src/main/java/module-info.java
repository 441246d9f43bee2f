/**
 * Testlet's engine on Jetty's ee10 servlet container (Servlet 6.0, Jakarta EE 10). The engine finds
 * it on the class path; nothing here is API. The EE 11 module is generated from these sources.
 */
module dev.testlet.engine.ee10.container {
    requires dev.testlet.engine;
    requires org.eclipse.jetty.ee10.servlet;
    requires org.eclipse.jetty.ee10.websocket.jakarta.server;

    provides dev.testlet.engine.internal.mount.ServletContainer with dev.testlet.engine.ee10.JettyContainer;
}
