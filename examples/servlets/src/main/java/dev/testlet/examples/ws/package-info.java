/**
 * Example WebSocket endpoints, written as plain Jakarta WebSocket, and tested in {@code src/test}
 * (Java and Kotlin) through Testlet's public DSL: an echo, a JSON ping/pong, notifications that need
 * a token, and a broadcast chat room.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(RealtimeApp.app());
 *      WebSocketSession ws = client.given().websocket("/ws/echo")) {
 *     ws.sendText("hello").expectText("Echo: hello");
 * }
 * }</pre>
 */
package dev.testlet.examples.ws;
