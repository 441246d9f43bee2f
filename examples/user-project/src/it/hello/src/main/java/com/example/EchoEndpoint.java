package com.example;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes each text message back, prefixed. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    @OnMessage
    public String echo(String message) {
        return "Echo: " + message;
    }
}
