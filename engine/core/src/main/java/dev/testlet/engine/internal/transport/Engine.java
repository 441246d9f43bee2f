package dev.testlet.engine.internal.transport;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.internal.http.RequestEncoder;
import dev.testlet.engine.internal.http.ResponseReader;
import dev.testlet.engine.internal.http.Upload;
import dev.testlet.engine.spi.BodyTooLargeException;
import dev.testlet.engine.spi.LiveResponse;
import dev.testlet.engine.spi.OverrideLayer;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.Transport;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.engine.spi.Upgrade;
import java.io.IOException;
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
    public Exchange execute(RequestPlan plan, @Nullable OverrideLayer layer, long maxBodyBytes) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        ByteBuffer bytes = RequestEncoder.encode(sent);
        long start = System.nanoTime();
        long deadline = start + sent.timeout().toNanos();
        while (true) {
            Wire wire = acquire(sent, start, deadline);
            ByteBuffer stray = wire.takeStray();
            if (stray != null) {
                // A request this wire carried before wrote after its response was complete: its
                // bytes must not become the start of this response.
                tracking.wroteForNoRequest(wire.lastRequest(), stray.remaining(), ResponseReader.preview(stray));
                wires.discard(wire);
                continue;
            }
            boolean reused = wires.isReused(wire);
            InFlight inFlight = new InFlight(sent, false, Thread.currentThread(), start, deadline, layer, wire);
            ResponseReader reader = new ResponseReader(sent.method().equals("HEAD"), maxBodyBytes);
            Upload upload = openUpload(sent);
            @Nullable Throwable sendFailure = null;
            boolean reusable = false;
            Duration overrun = null;
            tracking.begin(inFlight);
            wire.carry(inFlight);
            try {
                wire.sendRequest(bytes.duplicate(), upload, wires.inline(), reader);
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
                overrun = inFlight.overrun();
                wire.carry(null);
                tracking.end(inFlight);
                if (upload != null) {
                    upload.close();
                }
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
                        inFlight.handlerDump(), overrun);
            }
            if (reader.extraBytes() > 0) {
                tracking.wroteForNoRequest(inFlight, reader.extraBytes(), reader.extra());
            }
            if (reader.isOverLimit()) {
                Exchange head = new Exchange(sent, reader.status(), reader.reason(), reader.headers(), new byte[0],
                        elapsed, null, inFlight.log(), Headers.empty(), "the body was not kept: it is over the limit of "
                        + maxBodyBytes + " bytes");
                throw new BodyTooLargeException(head, reader.declaredLength(), reader.bodyBytes(), maxBodyBytes);
            }
            if (upload != null && upload.failure() != null) {
                IOException failure = upload.failure();
                throw new TransportException(sent, "sending the body of " + sent.method() + " " + sent.target()
                        + " failed: " + failure.getMessage(), failure);
            }
            if (reader.failure() != null) {
                if (reused && reader.received() == 0) {
                    continue; // a kept-alive socket the server had closed meanwhile: once more, on a new one
                }
                Throwable thrown = inFlight.serverException();
                if (thrown != null && reader.isHeaderComplete()) {
                    // The app threw after the response was committed: Jetty could not send a 500 and cut the
                    // response short. What came is kept, with the exception.
                    return new Exchange(sent, reader.status(), reader.reason(), reader.headers(), reader.body(), elapsed,
                            thrown, inFlight.log(), reader.trailers(), reader.failure() + " (after " + reader.bodyBytes()
                            + " body bytes), because the app threw after the response was committed");
                }
                String message = awaited(sent) + " failed: " + reader.failure()
                        + (thrown == null ? "" : "; the app threw " + thrown);
                throw sendFailure == null ? new TransportException(sent, message)
                        : new TransportException(sent, message + " (" + sendFailure + ")", sendFailure);
            }
            return new Exchange(sent, reader.status(), reader.reason(), reader.headers(), reader.body(), elapsed,
                    inFlight.serverException(), inFlight.log(), reader.trailers(), null);
        }
    }

    private static @Nullable Upload openUpload(RequestPlan sent) {
        java.nio.file.Path file = sent.bodyFile();
        if (file == null) {
            return null;
        }
        try {
            String announced = sent.headers().first("Content-Length");
            return Upload.open(file, announced != null ? Long.parseLong(announced.strip()) : RequestEncoder.bodyLength(sent));
        } catch (IOException e) {
            throw new TransportException(sent, "could not open the body file " + file + " of " + sent.method() + " "
                    + sent.target() + ": " + e, e);
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
        InFlight inFlight = new InFlight(sent, true, Thread.currentThread(), System.nanoTime(), Long.MAX_VALUE, layer, wire);
        wire.carry(inFlight);
        Upload upload = openUpload(sent);
        return Stream.open(wire, RequestEncoder.encode(sent), upload, sent, inFlight, () -> {
            wires.discard(wire);
            if (upload != null) {
                upload.close();
            }
        });
    }

    @Override
    public Upgrade upgrade(RequestPlan plan, @Nullable OverrideLayer layer) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, hostHeader);
        Wire wire = openLive(sent);
        InFlight inFlight = new InFlight(sent, true, Thread.currentThread(), System.nanoTime(), Long.MAX_VALUE, layer, wire);
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
