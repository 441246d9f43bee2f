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
     * Waits until the app's background work is done: requests in flight, async contexts, server
     * tasks and tasks on the executor Testlet lends the app.
     *
     * @param timeout how long to wait
     * @throws BackgroundWorkException when a task failed or work was still running at the timeout
     * @throws IllegalStateException for a remote server, which Testlet cannot see into
     */
    void awaitBackgroundTasks(java.time.Duration timeout);

    /**
     * Counts work the client started on the app's behalf (an async request not yet sent) as
     * background work until the returned action runs.
     *
     * @param description what the work is, for a timeout report
     * @return the action that marks it finished (idempotent)
     */
    Runnable trackBackground(String description);

    /**
     * Overrides a context attribute until the returned action runs; the override wins even over the
     * app's own {@code setAttribute}.
     *
     * @param name the attribute name
     * @param value the value the app will read
     * @return the action that removes this override
     * @throws IllegalStateException for a remote server
     */
    Runnable override(String name, Object value);

    /** Removes every override. */
    void clearOverrides();

    /** Whether the app has an attribute of that name or has asked for one. */
    boolean knowsAttribute(String name);

    /** The attribute names the app has or has asked for. */
    java.util.Set<String> attributeNames();

    /**
     * The tracked executor Testlet lends the app for background work.
     *
     * @throws IllegalStateException for a remote server
     */
    java.util.concurrent.ExecutorService backgroundExecutor();

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
