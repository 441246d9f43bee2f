package dev.testlet.engine.internal.transport;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.TransportException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Wires over sockets to one host and port, kept alive and reused. The app's handler runs on the
 * server's threads, never on the sending one.
 */
public final class SocketWires implements Wires {

    private final String host;
    private final int port;
    private final boolean tls;
    private final @Nullable SSLContext trust;
    private final String origin;
    private final @Nullable Map<Integer, InFlight> registry;
    private final ConcurrentLinkedDeque<SocketWire> idle = new ConcurrentLinkedDeque<>();
    private final java.util.Set<SocketWire> all = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Wires to a server.
     *
     * @param host the host to connect to
     * @param port the port
     * @param tls whether to speak TLS
     * @param trust the TLS context whose trust store decides (a test CA), or null for the JVM's default
     * @param origin how to name the server in messages ("http://localhost:8080")
     * @param registry where an app in this JVM looks up the request a connection carries, by the
     *     client's port; null for a server elsewhere
     */
    public SocketWires(String host, int port, boolean tls, @Nullable SSLContext trust, String origin,
            @Nullable Map<Integer, InFlight> registry) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.trust = trust;
        this.origin = origin;
        this.registry = registry;
    }

    @Override
    public Wire acquire(long deadlineNanos) {
        SocketWire wire;
        while ((wire = idle.pollFirst()) != null) {
            if (wire.isOpen()) {
                wire.reused = true;
                return wire;
            }
            discard(wire);
        }
        return connect(deadlineNanos, null);
    }

    @Override
    public boolean isReused(Wire wire) {
        return ((SocketWire) wire).reused;
    }

    @Override
    public Wire openLive(RequestPlan plan) {
        return connect(System.nanoTime() + plan.timeout().toNanos(), plan);
    }

    private SocketWire connect(long deadlineNanos, @Nullable RequestPlan plan) {
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, (deadlineNanos - System.nanoTime()) / 1_000_000));
        try {
            SocketWire wire = SocketWire.connect(host, port, tls, trust, (int) millis, registry);
            all.add(wire);
            return wire;
        } catch (IOException e) {
            String what = plan == null ? "" : " for " + plan.method() + " " + plan.target();
            throw new ConnectFailure("could not connect to " + origin + what + ": " + e.getMessage()
                    + (e instanceof SSLException ? "" : " (is the server running?)"), e);
        }
    }

    @Override
    public void release(Wire wire) {
        SocketWire socket = (SocketWire) wire;
        socket.reused = false;
        idle.offerFirst(socket);
    }

    @Override
    public void discard(Wire wire) {
        all.remove(wire);
        wire.close();
    }

    @Override
    public boolean inline() {
        return false;
    }

    @Override
    public void closeAll() {
        for (SocketWire wire : all) {
            wire.close();
        }
        all.clear();
        idle.clear();
    }

    /** A connection could not be made; the engine turns it into a {@link TransportException} for its plan. */
    static final class ConnectFailure extends RuntimeException {
        ConnectFailure(String message, IOException cause) {
            super(message, cause);
        }
    }
}
