package dev.testlet.engine.internal.transport;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.internal.http.ResponseReader;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.ThreadDump;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.engine.spi.Upgrade;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Performs an HTTP/1.1 upgrade (a WebSocket handshake) over a wire. */
final class Upgrades {

    private Upgrades() {}

    /** Sends the upgrade request off the caller's thread and reads the handshake response. */
    static Upgrade perform(Wire wire, ByteBuffer request, RequestPlan plan, @Nullable InFlight inFlight,
            Runnable onClose) {
        long start = System.nanoTime();
        long deadline = start + plan.timeout().toNanos();
        ResponseReader reader = new ResponseReader(false, dev.testlet.engine.spi.Transport.DEFAULT_MAX_BODY_BYTES);
        try {
            wire.send(request, false);
            if (!reader.readFrom(wire::read, deadline)) {
                fail(wire, onClose);
                Thread handler = inFlight == null ? null : inFlight.handler();
                throw new RequestTimeoutException(plan, "the handshake response to " + plan.method() + " " + plan.target(),
                        Duration.ofNanos(System.nanoTime() - start), reader.receivedPreview(),
                        handler == null ? null : ThreadDump.of(handler));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(wire, onClose);
            throw new TransportException(plan, "interrupted while waiting for the handshake response", e);
        } catch (java.io.UncheckedIOException e) {
            fail(wire, onClose);
            throw new TransportException(plan, "the handshake for " + plan.method() + " " + plan.target()
                    + " failed: " + e.getMessage(), e.getCause());
        }
        if (!reader.isComplete()) {
            fail(wire, onClose);
            throw new TransportException(plan, "the handshake for " + plan.method() + " " + plan.target() + " failed: "
                    + reader.failure());
        }
        Exchange exchange = new Exchange(plan, reader.status(), reader.reason(), reader.headers(), reader.body(),
                Duration.ofNanos(System.nanoTime() - start), inFlight == null ? null : inFlight.serverException(),
                inFlight == null ? List.of() : inFlight.log());
        if (reader.status() != 101) {
            fail(wire, onClose);
            return new Upgrade(exchange, null);
        }
        return new Upgrade(exchange, new Upgraded(wire, reader.leftover(), plan, inFlight, onClose));
    }

    private static void fail(Wire wire, Runnable onClose) {
        wire.close();
        onClose.run();
    }
}
