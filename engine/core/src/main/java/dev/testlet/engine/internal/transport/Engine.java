package dev.testlet.engine.internal.transport;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.internal.http.RequestEncoder;
import dev.testlet.engine.internal.http.ResponseReader;
import dev.testlet.engine.spi.LiveResponse;
import dev.testlet.engine.spi.OverrideLayer;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.Transport;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.engine.spi.Upgrade;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Testlet's one engine: sends a plan as HTTP/1.1 bytes over a wire and reads the response with
 * Jetty's parser, whatever the wires are ({@link LocalWires} in-process, {@link SocketWires} over a
 * network). An app in this JVM also tracks each request ({@link Tracking}): its deadline, its handler
 * thread, what it threw and logged, the overrides it carries.
 */
public final class Engine implements Transport {

    private final Wires wires;
    private final Tracking tracking;
    private final String hostHeader;
    private final String basePath;
    private final URI origin;
    private final String description;
    private final Supplier<String> closedHint;
    private volatile boolean closed;

    /**
     * An engine.
     *
     * @param wires where its wires come from
     * @param tracking what the app (if in this JVM) does with each request
     * @param hostHeader the {@code Host} to send
     * @param basePath the path every target starts with ("" for the root)
     * @param origin scheme, host and port the app sees
     * @param description what it talks to, for messages
     * @param closedHint what to say when a request is sent after close ("start it again with ...")
     */
    public Engine(Wires wires, Tracking tracking, String hostHeader, String basePath, URI origin, String description,
            Supplier<String> closedHint) {
        this.wires = wires;
        this.tracking = tracking;
        this.hostHeader = hostHeader;
        this.basePath = basePath;
        this.origin = origin;
        this.description = description;
        this.closedHint = closedHint;
    }

    @Override
    public Exchange execute(RequestPlan plan, @Nullable OverrideLayer layer) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        ByteBuffer bytes = RequestEncoder.encode(sent);
        long start = System.nanoTime();
        long deadline = start + sent.timeout().toNanos();
        while (true) {
            Wire wire = acquire(sent, start, deadline);
            boolean reused = wires.isReused(wire);
            InFlight inFlight = new InFlight(sent, false, Thread.currentThread(), start, deadline, layer);
            ResponseReader reader = new ResponseReader(sent.method().equals("HEAD"));
            @Nullable Throwable sendFailure = null;
            boolean reusable = false;
            tracking.begin(inFlight);
            wire.carry(inFlight);
            try {
                wire.send(bytes.duplicate(), wires.inline());
                if (!reader.readFrom(wire::read, deadline)) {
                    inFlight.timeOut();
                }
                reusable = reader.isPersistent();
            } catch (UncheckedIOException e) {
                sendFailure = e.getCause();
                reader.eof();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(sent, "interrupted while waiting for " + awaited(sent), e);
            } finally {
                wire.carry(null);
                tracking.end(inFlight);
                boolean inTime = inFlight.finish();
                if (reusable && inTime) {
                    wires.release(wire);
                } else {
                    wires.discard(wire);
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (inFlight.isTimedOut()) {
                throw new RequestTimeoutException(sent, awaited(sent), elapsed, reader.receivedPreview(),
                        inFlight.handlerDump());
            }
            if (reader.failure() != null) {
                if (reused && reader.received() == 0) {
                    continue; // a kept-alive socket the server had closed meanwhile: once more, on a new one
                }
                String message = awaited(sent) + " failed: " + reader.failure()
                        + (inFlight.serverException() == null ? "" : "; the app threw " + inFlight.serverException());
                throw sendFailure == null ? new TransportException(sent, message)
                        : new TransportException(sent, message + " (" + sendFailure + ")", sendFailure);
            }
            return new Exchange(sent, reader.status(), reader.reason(), reader.headers(), reader.body(), elapsed,
                    inFlight.serverException(), inFlight.log());
        }
    }

    private Wire acquire(RequestPlan sent, long start, long deadline) {
        Wire wire;
        try {
            wire = wires.acquire(deadline);
        } catch (SocketWires.ConnectFailure e) {
            throw new TransportException(sent, e.getMessage(), e.getCause());
        }
        if (wire == null) {
            throw new RequestTimeoutException(sent, "a connection to the app for " + awaited(sent),
                    Duration.ofNanos(System.nanoTime() - start), "nothing", null);
        }
        return wire;
    }

    @Override
    public LiveResponse open(RequestPlan plan, @Nullable OverrideLayer layer) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        Wire wire = openLive(sent);
        InFlight inFlight = new InFlight(sent, true, Thread.currentThread(), System.nanoTime(), Long.MAX_VALUE, layer);
        wire.carry(inFlight);
        return Stream.open(wire, RequestEncoder.encode(sent), sent, inFlight, () -> wires.discard(wire));
    }

    @Override
    public Upgrade upgrade(RequestPlan plan, @Nullable OverrideLayer layer) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        Wire wire = openLive(sent);
        InFlight inFlight = new InFlight(sent, true, Thread.currentThread(), System.nanoTime(), Long.MAX_VALUE, layer);
        wire.carry(inFlight);
        return Upgrades.perform(wire, RequestEncoder.encode(sent), sent, inFlight, () -> wires.discard(wire));
    }

    private Wire openLive(RequestPlan sent) {
        try {
            return wires.openLive(sent);
        } catch (SocketWires.ConnectFailure e) {
            throw new TransportException(sent, e.getMessage(), e.getCause());
        }
    }

    private String awaited(RequestPlan plan) {
        return "the response to " + plan.method() + " " + plan.target() + (wires.inline() ? "" : " from " + origin);
    }

    private void checkOpen(RequestPlan plan) {
        if (closed) {
            throw new IllegalStateException("cannot send " + plan.method() + " " + plan.target() + ": "
                    + closedHint.get());
        }
    }

    @Override
    public String basePath() {
        return basePath;
    }

    @Override
    public URI origin() {
        return origin;
    }

    @Override
    public boolean inProcess() {
        return wires.inline();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        wires.closeAll();
    }
}
