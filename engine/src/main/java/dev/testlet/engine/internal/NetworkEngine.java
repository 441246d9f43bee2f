package dev.testlet.engine.internal;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Runs the same plans over real sockets against a deployed server, so a suite written for the
 * in-process app can run against a running one. Connections are kept alive and reused.
 */
public final class NetworkEngine implements Engine {

    private final String host;
    private final int port;
    private final boolean tls;
    private final String hostHeader;
    private final String origin;
    private final String basePath;
    private final ConcurrentLinkedDeque<SocketWire> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    private NetworkEngine(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'" + base + "' is not an http or https URL; pass a base URL such as"
                    + " http://localhost:8080 or https://staging.example.org/api");
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("'" + base + "' has no host; pass a base URL such as http://localhost:8080");
        }
        tls = scheme.equals("https");
        host = base.getHost();
        int defaultPort = tls ? 443 : 80;
        port = base.getPort() < 0 ? defaultPort : base.getPort();
        hostHeader = port == defaultPort ? host : host + ":" + port;
        origin = scheme + "://" + hostHeader;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * An engine for a server at a base URL; connects lazily.
     *
     * @param base scheme, host, optional port and path prefix
     * @return the engine
     */
    public static NetworkEngine connect(URI base) {
        return new NetworkEngine(base);
    }

    @Override
    public Exchange execute(RequestPlan plan) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        ByteBuffer bytes = RequestEncoder.encode(sent);
        long start = System.nanoTime();
        long deadline = start + sent.timeout().toNanos();
        SocketWire wire = idle.pollFirst();
        boolean reused = wire != null && wire.isOpen();
        if (!reused) {
            wire = open(sent);
        }
        ResponseReader reader = new ResponseReader(sent.method().equals("HEAD"));
        boolean timedOut = false;
        try {
            wire.send(bytes, true);
            timedOut = !reader.readFrom(wire, deadline);
        } catch (UncheckedIOException e) {
            reader.eof();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wire.close();
            throw new TransportException(sent, "interrupted while waiting for the response to " + sent.method() + " " + sent.target(), e);
        }
        if (reader.isPersistent() && !timedOut) {
            idle.offerFirst(wire);
        } else {
            wire.close();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (timedOut) {
            throw new RequestTimeoutException(sent, "the response to " + sent.method() + " " + sent.target() + " from " + origin,
                    elapsed, reader.receivedPreview(), null);
        }
        if (reader.failure() != null) {
            if (reused && reader.received() == 0) {
                return execute(plan);
            }
            throw new TransportException(sent, "the response to " + sent.method() + " " + sent.target() + " from " + origin
                    + " failed: " + reader.failure());
        }
        return new Exchange(sent, reader.status(), reader.reason(), reader.headers(), reader.body(), elapsed, null, List.of());
    }

    @Override
    public StreamingExchange openStream(RequestPlan plan) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        SocketWire wire = open(sent);
        return StreamingExchange.open(wire, RequestEncoder.encode(sent), sent, null, () -> {});
    }

    @Override
    public Handshake upgrade(RequestPlan plan) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        SocketWire wire = open(sent);
        return Handshake.perform(wire, RequestEncoder.encode(sent), sent, null, () -> {});
    }

    @Override
    public void awaitBackgroundTasks(Duration timeout) {
        throw remoteOnly("awaitBackgroundTasks()", "use eventually(...) to wait for an effect you can see over HTTP");
    }

    @Override
    public Runnable trackBackground(String description) {
        return () -> {};
    }

    @Override
    public Runnable override(String name, Object value) {
        throw remoteOnly("override(\"" + name + "\", ...)", "configure the deployed server instead");
    }

    @Override
    public void clearOverrides() {}

    @Override
    public boolean knowsAttribute(String name) {
        return false;
    }

    @Override
    public java.util.Set<String> attributeNames() {
        return java.util.Set.of();
    }

    @Override
    public java.util.concurrent.ExecutorService backgroundExecutor() {
        throw remoteOnly("backgroundExecutor()", "it exists only for in-process apps");
    }

    private IllegalStateException remoteOnly(String call, String hint) {
        return new IllegalStateException(call + " needs an in-process app, but this client talks to " + origin + basePath
                + " over the network; " + hint);
    }

    private SocketWire open(RequestPlan plan) {
        try {
            return SocketWire.connect(host, port, tls, (int) Math.min(Integer.MAX_VALUE, plan.timeout().toMillis()));
        } catch (IOException e) {
            throw new TransportException(plan, "could not connect to " + origin + " for " + plan.method() + " "
                    + plan.target() + ": " + e.getMessage() + " (is the server running?)", e);
        }
    }

    private void checkOpen(RequestPlan plan) {
        if (closed) {
            throw new IllegalStateException("cannot send " + plan.method() + " " + plan.target() + ": this client of "
                    + origin + " was closed; connect again with Testlet.connect(URI)");
        }
    }

    @Override
    public String basePath() {
        return basePath;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String describe() {
        return origin + basePath;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        SocketWire wire;
        while ((wire = idle.pollFirst()) != null) {
            wire.close();
        }
    }
}
