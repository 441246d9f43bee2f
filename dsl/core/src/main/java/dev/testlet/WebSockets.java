package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.engine.spi.Upgrade;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.WebSocketFrames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Opens WebSocket sessions: the HTTP/1.1 upgrade request (the spec's headers, query and cookies, plus
 * the WebSocket ones), the check of the server's answer (RFC 6455 4.1), and the session on top.
 */
final class WebSockets {

    private WebSockets() {}

    static WebSocketSession open(ClientSettings settings, RequestPlan spec) {
        String key = WebSocketFrames.newKey();
        Headers headers = spec.headers()
                .withOnly("Upgrade", "websocket")
                .withOnly("Connection", "Upgrade")
                .withOnly("Sec-WebSocket-Key", key)
                .withOnly("Sec-WebSocket-Version", "13");
        RequestPlan plan = Dispatcher.withCookies(settings, spec.withHeaders(headers));
        Upgrade handshake = upgrade(settings, plan);
        Exchange exchange = handshake.exchange();
        settings.jar().store(settings.host(), plan.path(), exchange.headers().all("Set-Cookie"));
        settings.scope().log().masking(settings.secrets());
        settings.scope().record(exchange);
        Response response = new Response(exchange, settings, List.of());
        var connection = handshake.connection();
        if (connection == null) {
            throw new WebSocketHandshakeException(response);
        }
        String problem = problemWith(exchange, key, plan.headers().first("Sec-WebSocket-Protocol"));
        if (problem != null) {
            connection.close();
            throw Failures.of(Facts.of("expected", "a valid answer to the WebSocket handshake (RFC 6455 4.1)")
                    .and("but", problem).and("request", plan.method() + " " + plan.target()),
                    settings.formatter().format(exchange));
        }
        LiveSession live = new LiveSession(settings, response, connection);
        live.trackIn(settings.scope());
        return new WebSocketSession(live, plan.timeout());
    }

    private static Upgrade upgrade(ClientSettings settings, RequestPlan plan) {
        try {
            return settings.transport().upgrade(plan, settings.scope().layer());
        } catch (RequestTimeoutException e) {
            throw Failures.timeout(e, settings.formatter());
        } catch (TransportException e) {
            AssertionError error = Failures.of(
                    Facts.of("expected", "an answer to the WebSocket handshake " + plan.method() + " " + plan.target())
                            .and("but", e.getMessage()),
                    settings.formatter().formatRequestOnly(plan));
            error.initCause(e);
            throw error;
        }
    }

    /** What is wrong with a 101, or null. */
    private static @Nullable String problemWith(Exchange exchange, String key, @Nullable String requestedProtocols) {
        Headers h = exchange.headers();
        String upgrade = h.first("Upgrade");
        if (upgrade == null || !upgrade.trim().equalsIgnoreCase("websocket")) {
            return "the 101 has Upgrade: " + upgrade + " instead of websocket";
        }
        String connection = h.first("Connection");
        if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "the 101 has Connection: " + connection + " instead of Upgrade";
        }
        String accept = h.first("Sec-WebSocket-Accept");
        String expected = WebSocketFrames.acceptFor(key);
        if (!expected.equals(accept == null ? null : accept.trim())) {
            return "Sec-WebSocket-Accept is " + accept + ", but for the key " + key + " it must be " + expected;
        }
        String chosen = h.first("Sec-WebSocket-Protocol");
        if (chosen != null) {
            List<String> offered = requestedProtocols == null ? List.of()
                    : Arrays.stream(requestedProtocols.split(",")).map(String::trim).toList();
            if (!offered.contains(chosen.trim())) {
                return "the server chose the subprotocol " + chosen + ", which the client did not offer"
                        + (offered.isEmpty() ? "" : " (it offered " + offered + ")");
            }
        }
        String extensions = h.first("Sec-WebSocket-Extensions");
        if (extensions != null && !extensions.isBlank()) {
            return "the server negotiated extensions (" + extensions + ") the client did not ask for";
        }
        return null;
    }
}
