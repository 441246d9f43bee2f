package dev.testlet;

import dev.testlet.internal.Facts;

/**
 * The server refused a WebSocket handshake: it answered with an HTTP response other than
 * {@code 101 Switching Protocols} (404 for no endpoint there, 403 from a filter or an origin check,
 * 401...). The response is the real one, to assert on.
 *
 * <pre>{@code
 * WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
 *         () -> client.given().websocket("/ws/admin"));
 * e.response().expectStatus(403).expectBodyContains("admins only");
 * }</pre>
 *
 * <p>An endpoint that accepts the handshake and then closes the session (for a wrong token, with
 * 1008) is not a refusal: the session opens, and {@link WebSocketSession#expectClose(int)} checks
 * the close.
 */
public final class WebSocketHandshakeException extends RuntimeException {

    private final transient Response response;

    WebSocketHandshakeException(Response response) {
        super(message(response), response.serverException());
        this.response = response;
    }

    /**
     * The server's HTTP response to the handshake.
     *
     * <pre>{@code e.response().expectStatus(403)}</pre>
     *
     * @return the response, with any exception the app threw while refusing attached
     */
    public Response response() {
        return response;
    }

    private static String message(Response response) {
        Facts facts = Facts.of("expected", "101 Switching Protocols to a WebSocket handshake")
                .and("but was", response.exchange().statusLine())
                .and("request", response.exchange().request().method() + " " + response.exchange().request().target());
        if (response.status() == 404) {
            facts.and("note", "no servlet, filter or endpoint answered there; check the path and"
                    + " ServletApp.builder().websocket(...)");
        }
        if (response.serverException() != null) {
            facts.and("the app threw", response.serverException());
        }
        return facts.render() + "\n\n" + response.formatter().format(response.exchange());
    }
}
