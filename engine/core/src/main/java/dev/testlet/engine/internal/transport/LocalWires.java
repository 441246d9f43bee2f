package dev.testlet.engine.internal.transport;

import dev.testlet.engine.RequestPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.EndPoint;
import org.jspecify.annotations.Nullable;

/**
 * Wires into Jetty's in-process connector ({@link BoundedConnector}): kept-alive endpoints, reused last-in first-out so a
 * sequential test keeps using one warm endpoint. An endpoint the server closed (idle timeout,
 * {@code Connection: close}, an error) is dropped and replaced transparently, because writing into a
 * closed endpoint is accepted silently and then nothing answers. Requests run inline: the handler
 * runs on the thread that sends.
 */
public final class LocalWires implements Wires {

    /**
     * Idle wires kept for reuse; after a burst of concurrent requests the rest are closed. Sized for
     * async tests with about a thousand requests in flight: with 64, 1,000 virtual-thread clients
     * closed and reopened an endpoint for most requests (each new one waits for the connector to
     * accept it), which cut async throughput roughly in half. An idle wire costs a few kilobytes, and
     * the server's idle timeout closes wires nobody uses.
     */
    private static final int MAX_IDLE = 1024;

    /**
     * Output a connection buffers before the server's writes wait for the test to read (an inline
     * request's reader takes it as the handler writes, see {@link BoundedEndPoint}), so no response,
     * stream or WebSocket can fill the heap. The buffer grows only as far as a response needs.
     */
    private static final int OUTPUT_BUFFER = 256 * 1024;

    private final BoundedConnector connector;
    private final ConcurrentLinkedDeque<LocalWire> idle = new ConcurrentLinkedDeque<>();
    private final Map<EndPoint, LocalWire> byEndPoint = new ConcurrentHashMap<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /**
     * Wires into a connector.
     *
     * @param connector the app's local connector
     */
    public LocalWires(BoundedConnector connector) {
        this.connector = connector;
    }

    @Override
    public @Nullable Wire acquire(long deadlineNanos) {
        LocalWire wire;
        while ((wire = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (wire.awaitReady(deadlineNanos)) {
                return wire;
            }
            discard(wire);
        }
        wire = register(new LocalWire(connector.open(OUTPUT_BUFFER)));
        if (wire.awaitReady(deadlineNanos)) {
            return wire;
        }
        discard(wire);
        return null;
    }

    @Override
    public boolean isReused(Wire wire) {
        return false;
    }

    /**
     * A new wire for a stream: the server's writes wait when the client does not read, as they would
     * on a socket, so an endless stream cannot fill the heap.
     */
    @Override
    public Wire openLive(RequestPlan plan) {
        return register(new LocalWire(connector.open(OUTPUT_BUFFER)));
    }

    private LocalWire register(LocalWire wire) {
        byEndPoint.put(wire.endPoint(), wire);
        return wire;
    }

    @Override
    public void release(Wire wire) {
        if (wire.isOpen() && idleCount.get() < MAX_IDLE) {
            idleCount.incrementAndGet();
            idle.offerFirst((LocalWire) wire);
        } else {
            discard(wire);
        }
    }

    @Override
    public void discard(Wire wire) {
        byEndPoint.remove(((LocalWire) wire).endPoint());
        wire.close();
    }

    @Override
    public boolean inline() {
        return true;
    }

    /**
     * The request the wire behind an endpoint carries now.
     *
     * @param endPoint the endpoint the server reads a request from
     * @return the request, or null for an endpoint that is not one of these wires
     */
    public @Nullable InFlight requestOn(EndPoint endPoint) {
        LocalWire wire = byEndPoint.get(endPoint);
        return wire == null ? null : wire.current();
    }

    @Override
    public void closeAll() {
        for (LocalWire wire : byEndPoint.values()) {
            wire.close();
        }
        byEndPoint.clear();
        idle.clear();
        idleCount.set(0);
    }
}
