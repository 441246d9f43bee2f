package dev.testlet.engine.internal.transport;

import dev.testlet.engine.RequestPlan;
import org.jspecify.annotations.Nullable;

/**
 * Where an engine's wires come from: kept-alive local endpoints ({@link LocalWires}) or sockets
 * ({@link SocketWires}). The engine sends the same bytes over either; this is the only difference.
 */
public interface Wires {

    /**
     * A wire ready to carry one exchange.
     *
     * @param deadlineNanos when to give up
     * @return the wire, or null when none became ready in time
     * @throws dev.testlet.engine.spi.TransportException when a socket cannot connect
     */
    @Nullable Wire acquire(long deadlineNanos);

    /**
     * Whether a wire came from the idle pool (a kept-alive socket the server may have closed meanwhile,
     * so a request that got no byte back may be sent once more on a fresh one).
     *
     * @param wire a wire from {@link #acquire}
     * @return true for a reused socket
     */
    boolean isReused(Wire wire);

    /**
     * A new wire for an exchange that may never end (streams, WebSocket sessions).
     *
     * @param plan the request it is for, for error messages
     * @return the wire
     * @throws dev.testlet.engine.spi.TransportException when a socket cannot connect
     */
    Wire openLive(RequestPlan plan);

    /**
     * Keeps a wire whose exchange ended cleanly, for reuse.
     *
     * @param wire the wire
     */
    void release(Wire wire);

    /**
     * Closes a wire that must not be reused.
     *
     * @param wire the wire
     */
    void discard(Wire wire);

    /**
     * Whether the app's handler runs on the sending thread.
     *
     * @return true in-process
     */
    boolean inline();

    /** Closes every wire, idle or in use. */
    void closeAll();
}
