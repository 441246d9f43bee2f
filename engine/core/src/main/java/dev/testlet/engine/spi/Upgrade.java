package dev.testlet.engine.spi;

import dev.testlet.engine.Exchange;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an HTTP/1.1 upgrade request (a WebSocket handshake): the response, and when it was
 * {@code 101 Switching Protocols}, the connection now speaking the new protocol.
 *
 * <pre>{@code
 * Upgrade u = transport.upgrade(plan, layer);
 * if (u.accepted()) { u.connection().write(frame, false); }
 * }</pre>
 *
 * @param exchange the handshake request and response (for a refusal, with its body)
 * @param connection the upgraded connection, or null when the server refused
 */
public record Upgrade(Exchange exchange, @Nullable UpgradedConnection connection) {

    /**
     * Whether the server switched protocols.
     *
     * <pre>{@code upgrade.accepted()}</pre>
     *
     * @return true for a 101 with a connection
     */
    public boolean accepted() {
        return connection != null;
    }
}
