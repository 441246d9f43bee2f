package dev.testlet.engine.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.LocalConnector;
import org.jspecify.annotations.Nullable;

/**
 * Kept-alive local wires, reused last-in first-out so a sequential test keeps using one warm
 * endpoint. A wire the server closed (idle timeout, {@code Connection: close}, an error) is
 * dropped and replaced transparently, because writing into a closed endpoint is accepted silently
 * and then nothing answers.
 */
final class WirePool {

    private final LocalConnector connector;
    private final ConcurrentLinkedDeque<LocalWire> idle = new ConcurrentLinkedDeque<>();
    private final Map<EndPoint, LocalWire> byEndPoint = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger idleCount = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Idle wires kept for reuse; after a burst of concurrent requests the rest are closed. Sized for
     * async tests with about a thousand requests in flight: with 64, 1,000 virtual-thread clients
     * closed and reopened an endpoint for most requests (each new one waits for the connector to
     * accept it), which cut async throughput roughly in half. An idle wire costs a few kilobytes, and
     * the server's idle timeout closes wires nobody uses.
     */
    private static final int MAX_IDLE = 1024;

    WirePool(LocalConnector connector) {
        this.connector = connector;
    }

    /**
     * A wire ready to run a request on the calling thread.
     *
     * @return the wire, or null if no endpoint became ready before the deadline
     */
    @Nullable LocalWire acquire(long deadlineNanos) {
        LocalWire wire;
        while ((wire = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (wire.awaitReady(deadlineNanos)) {
                return wire;
            }
            discard(wire);
        }
        wire = register(new LocalWire(connector.connect()));
        if (wire.awaitReady(deadlineNanos)) {
            return wire;
        }
        discard(wire);
        return null;
    }

    /** A new wire for an exchange that may never end (streams, WebSockets). */
    LocalWire open() {
        return register(new LocalWire(connector.connect()));
    }

    /**
     * A new wire whose output buffer holds at most {@code maxOutput} bytes: the server's writes wait
     * when the client does not read, as they would on a socket, so an endless stream cannot fill the heap.
     */
    LocalWire openBounded(int maxOutput) {
        return register(new LocalWire(connector.connect(maxOutput)));
    }

    private LocalWire register(LocalWire wire) {
        byEndPoint.put(wire.endPoint(), wire);
        return wire;
    }

    void release(LocalWire wire) {
        if (wire.isOpen() && idleCount.get() < MAX_IDLE) {
            idleCount.incrementAndGet();
            idle.offerFirst(wire);
        } else {
            discard(wire);
        }
    }

    void discard(LocalWire wire) {
        byEndPoint.remove(wire.endPoint());
        wire.close();
    }

    /** The wire behind an endpoint the server is handling a request from. */
    @Nullable LocalWire wireOf(EndPoint endPoint) {
        return byEndPoint.get(endPoint);
    }

    void closeAll() {
        for (LocalWire wire : byEndPoint.values()) {
            wire.close();
        }
        byEndPoint.clear();
        idle.clear();
        idleCount.set(0);
    }
}
