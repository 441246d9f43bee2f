package dev.testlet.engine.internal;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an HTTP/1.1 upgrade request (a WebSocket handshake): the response, and when it was
 * {@code 101 Switching Protocols}, the connection now speaking the new protocol.
 *
 * @param exchange the handshake request and response (for a refusal, with its body)
 * @param connection the upgraded connection, or null when the server refused
 */
public record Handshake(Exchange exchange, @Nullable UpgradedConnection connection) {

    /** Whether the server switched protocols. */
    public boolean accepted() {
        return connection != null;
    }

    /** Sends the upgrade request off the caller's thread and reads the handshake response. */
    static Handshake perform(Wire wire, ByteBuffer request, RequestPlan plan, @Nullable InFlight inFlight,
            Runnable onClose) {
        long start = System.nanoTime();
        long deadline = start + plan.timeout().toNanos();
        ResponseReader reader = new ResponseReader(false);
        wire.send(request, false);
        try {
            if (!reader.readFrom(wire, deadline)) {
                wire.close();
                onClose.run();
                Thread handler = inFlight == null ? null : inFlight.handler();
                throw new RequestTimeoutException(plan, "the handshake response to " + plan.method() + " " + plan.target(),
                        Duration.ofNanos(System.nanoTime() - start), reader.receivedPreview(),
                        handler == null ? null : ThreadDump.of(handler));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wire.close();
            onClose.run();
            throw new TransportException(plan, "interrupted while waiting for the handshake response", e);
        }
        if (!reader.isComplete()) {
            wire.close();
            onClose.run();
            throw new TransportException(plan, "the handshake for " + plan.method() + " " + plan.target() + " failed: "
                    + reader.failure());
        }
        Exchange exchange = new Exchange(plan, reader.status(), reader.reason(), reader.headers(), reader.body(),
                Duration.ofNanos(System.nanoTime() - start), inFlight == null ? null : inFlight.serverException(),
                inFlight == null ? List.of() : inFlight.log());
        if (reader.status() != 101) {
            wire.close();
            onClose.run();
            return new Handshake(exchange, null);
        }
        return new Handshake(exchange, new UpgradedConnection(wire, reader.leftover(),
                plan, inFlight, onClose));
    }
}
