package dev.testlet.engine.spi;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * How requests reach an app: Jetty's in-process {@code LocalConnector}, or a socket (to an app Testlet
 * serves on a real port, or to a deployed server). One engine sends over either; a transport decides
 * only how the bytes travel. Thread-safe.
 *
 * <pre>{@code
 * Transport remote = Engines.connect(URI.create("http://localhost:8080"), null);
 * Exchange e = remote.execute(RequestPlan.of("GET", "/health"), null);
 * }</pre>
 */
public interface Transport extends AutoCloseable {

    /** The largest response body {@link #execute(RequestPlan, OverrideLayer)} keeps: 64 MiB. */
    long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    /**
     * Sends a plan and waits for its whole response, keeping a body of at most
     * {@link #DEFAULT_MAX_BODY_BYTES}.
     *
     * <pre>{@code Exchange e = transport.execute(RequestPlan.of("GET", "/items"), layer);}</pre>
     *
     * @param plan the request; its target is complete (context path included)
     * @param layer the overrides of the scope sending it, or null
     * @return the exchange
     * @throws RequestTimeoutException if the response did not complete within the plan's timeout
     * @throws BodyTooLargeException if the body was bigger than the limit
     * @throws TransportException if the connection ended early or the answer was not HTTP
     */
    default Exchange execute(RequestPlan plan, @Nullable OverrideLayer layer) {
        return execute(plan, layer, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Sends a plan and waits for its whole response. In-process, the app's handler runs on the
     * calling thread. A body from a file ({@link RequestPlan#bodyFile()}) is streamed from disk as the
     * server reads it. A response body over {@code maxBodyBytes} is not kept: reading stops, the
     * connection is dropped (the app's next write fails, as when a client hangs up) and a
     * {@link BodyTooLargeException} says how big it was.
     *
     * <pre>{@code Exchange e = transport.execute(RequestPlan.of("GET", "/items"), layer, 64L << 20);}</pre>
     *
     * @param plan the request; its target is complete (context path included)
     * @param layer the overrides of the scope sending it, which the app sees while it handles the
     *     request; null for none (or for a server outside this JVM, which cannot see them)
     * @param maxBodyBytes the largest response body to keep in memory
     * @return the exchange; when the app threw after the response was committed, the response as far as
     *     it came, with {@link Exchange#incomplete()} saying so and the exception attached
     * @throws RequestTimeoutException if the response did not complete within the plan's timeout
     * @throws BodyTooLargeException if the body was bigger than {@code maxBodyBytes}
     * @throws TransportException if the connection ended early or the answer was not HTTP
     */
    Exchange execute(RequestPlan plan, @Nullable OverrideLayer layer, long maxBodyBytes);

    /**
     * Sends a plan whose response is read as it arrives (a stream, server-sent events). The request
     * runs off the calling thread; this returns once the response headers have arrived.
     *
     * <pre>{@code try (LiveResponse live = transport.open(plan, layer)) { live.next(Duration.ofSeconds(1)); }}</pre>
     *
     * @param plan the request
     * @param layer the scope's overrides, or null
     * @return the open response; close it to disconnect
     * @throws RequestTimeoutException if the headers did not arrive within the plan's timeout
     * @throws TransportException if the connection ended before the headers
     */
    LiveResponse open(RequestPlan plan, @Nullable OverrideLayer layer);

    /**
     * Sends an upgrade request (a WebSocket handshake) off the calling thread and reads the answer.
     *
     * <pre>{@code Upgrade u = transport.upgrade(handshakePlan, layer); u.accepted();}</pre>
     *
     * @param plan the handshake request, with its {@code Upgrade} and {@code Connection} headers
     * @param layer the scope's overrides, or null
     * @return the response, and the upgraded connection when it was a 101
     * @throws RequestTimeoutException if the answer did not arrive within the plan's timeout
     * @throws TransportException if the connection ended before it
     */
    Upgrade upgrade(RequestPlan plan, @Nullable OverrideLayer layer);

    /**
     * The path every request target starts with: the app's context path, or the path of a remote
     * base URL; empty for the root.
     *
     * <pre>{@code transport.basePath()   // "" or "/shop"}</pre>
     *
     * @return "" or a path like "/shop"
     */
    String basePath();

    /**
     * The scheme, host and port the app sees requests arrive on.
     *
     * <pre>{@code transport.origin()   // http://localhost in-process, http://127.0.0.1:53124 served}</pre>
     *
     * @return the origin, without a path
     */
    URI origin();

    /**
     * Whether requests travel in-process (no socket) rather than over a network connection.
     *
     * <pre>{@code transport.inProcess()   // true for Engines.start}</pre>
     *
     * @return true for the in-process transport
     */
    boolean inProcess();

    /**
     * What this transport talks to, for failure messages.
     *
     * <pre>{@code transport.describe()   // "in-process app at /shop", "http://127.0.0.1:53124"}</pre>
     *
     * @return a short description
     */
    String describe();

    /**
     * Whether {@link #close()} has been called (or the app behind it stopped).
     *
     * <pre>{@code transport.isClosed()}</pre>
     *
     * @return true once closed
     */
    boolean isClosed();

    /**
     * Drops the connections; for an app's own transport, the app's {@link App#close()} does it.
     * Idempotent.
     */
    @Override
    void close();
}
