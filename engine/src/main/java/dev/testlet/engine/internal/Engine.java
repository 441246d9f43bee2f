package dev.testlet.engine.internal;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;

/**
 * Runs request plans against one app: in-process through Jetty's {@code LocalConnector}
 * ({@link LocalEngine}) or over sockets against a deployed server ({@link NetworkEngine}).
 * Thread-safe; the DSL's clients share one engine per app.
 */
public interface Engine extends AutoCloseable {

    /**
     * Sends a plan and waits for its whole response. In-process, the app's handler runs on the
     * calling thread.
     *
     * @param plan the request; its target is complete (context path included)
     * @return the exchange
     * @throws RequestTimeoutException if the response did not complete within the plan's timeout
     * @throws TransportException if the server closed the connection early or answered with garbage
     */
    Exchange execute(RequestPlan plan);

    /**
     * Sends a plan whose response is read as it arrives (a stream, server-sent events). The request
     * runs off the calling thread; this returns once the response headers have arrived.
     *
     * @param plan the request
     * @return the open stream; close it to disconnect
     * @throws RequestTimeoutException if the headers did not arrive within the plan's timeout
     * @throws TransportException if the connection ended before the headers
     */
    StreamingExchange openStream(RequestPlan plan);

    /**
     * Sends an upgrade request (a WebSocket handshake) off the calling thread and reads the response.
     *
     * @param plan the handshake request, with its {@code Upgrade} and {@code Connection} headers
     * @return the handshake: the response, and the upgraded connection when it was a 101
     * @throws RequestTimeoutException if the handshake response did not arrive within the plan's timeout
     * @throws TransportException if the connection ended before it
     */
    Handshake upgrade(RequestPlan plan);

    /**
     * The path every request target starts with: the app's context path, or the path of a remote
     * base URL; empty for the root.
     *
     * @return "" or a path like "/shop"
     */
    String basePath();

    /**
     * The host requests go to, as cookies see it.
     *
     * @return "localhost" in-process, or the remote host
     */
    String host();

    /**
     * The URL a curl line should use to replay a request against a running server.
     *
     * @return scheme, host and port, without a path
     */
    String origin();

    /**
     * What the engine talks to, for failure messages.
     *
     * @return "in-process app at /shop" or "http://localhost:8080"
     */
    String describe();

    /** Whether {@link #close()} has been called. */
    boolean isClosed();

    /** Stops the app (in-process) or drops the connections (network). Idempotent. */
    @Override
    void close();
}
