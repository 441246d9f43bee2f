package dev.testlet.examples.ws;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Answers every text message with "Echo: " and the text. */
@ServerEndpoint("/ws/echo")
public class EchoEndpoint {

    @OnMessage
    public String onMessage(String text) {
        return "Echo: " + text;
    }
}
