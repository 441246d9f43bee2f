package dev.testlet.benchmarks;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A WebSocket endpoint, so that an app needs the Jakarta WebSocket container (for start+stop). */
@ServerEndpoint("/ws/ping")
public final class PingEndpoint {

    /** Instantiated by the WebSocket container. */
    public PingEndpoint() {}

    /**
     * @param message any text
     * @return "pong"
     */
    @OnMessage
    public String onMessage(String message) {
        return "pong";
    }
}
