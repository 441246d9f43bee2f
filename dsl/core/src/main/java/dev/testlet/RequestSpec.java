package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.Checks;
import dev.testlet.internal.Multipart;
import dev.testlet.internal.UriEncoding;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
/**
 * An immutable description of the request a test is about to send: every call returns a new spec,
 * so a spec can be kept and reused. The chain ends at an HTTP verb, which sends it and returns the
 * {@link Response}; or at {@code sse}, {@code stream} or {@code websocket}, which open a live
 * response or session. The configuring methods and verbs are {@link AbstractRequestSpec}'s, shared
 * with the asynchronous {@link AsyncRequestSpec}.
 *
 * <pre>{@code
 * client.given()
 *     .header("X-Trace", "1")
 *     .queryParam("page", 2)
 *     .bearerAuth(token)
 *     .get("/items")
 *     .expectStatus(200);
 *
 * RequestSpec asAdmin = client.given().basicAuth("admin", "secret");
 * asAdmin.delete("/items/{id}", 3).expectStatus(204);
 * asAdmin.delete("/items/{id}", 4).expectStatus(204);
 * }</pre>
 *
 * <p>Paths are relative to the app's context path. {@code {name}} placeholders are filled, in
 * order, by the values after the path, each percent-encoded as one path segment.
 */
public final class RequestSpec extends AbstractRequestSpec<RequestSpec, Response> {

    RequestSpec(ClientSettings settings) {
        super(settings, empty());
    }

    RequestSpec(ClientSettings settings, Data data) {
        super(settings, data);
    }

    @Override
    RequestSpec with(Data newData) {
        return new RequestSpec(settings, newData);
    }

    @Override
    Response send(RequestPlan plan) {
        return Dispatcher.send(settings, plan);
    }

    // ---------------------------------------------------------------- streams

    /**
     * Opens a server-sent event stream: a GET with {@code Accept: text/event-stream} (unless the
     * spec or client sets another {@code Accept}). Returns as soon as the response headers arrive;
     * events are read as the server flushes them. Close it (or use try-with-resources) to disconnect.
     *
     * <pre>{@code
     * try (EventStream events = client.given().sse("/events")) {
     *     events.expectStatus(200).expectContentType("text/event-stream");
     *     events.next().data();
     * }
     * }</pre>
     *
     * @param path the path, relative to the app's context path
     * @return the open stream
     * @throws AssertionError when the response headers do not arrive within the timeout
     */
    public EventStream sse(String path) {
        return openSse(path, NO_VALUES);
    }

    /**
     * Opens a server-sent event stream at a path template.
     *
     * <pre>{@code client.given().sse("/jobs/{id}/events", 7)}</pre>
     *
     * @param path the path with {@code {name}} placeholders
     * @param pathValues one value per placeholder, in order
     * @return the open stream
     */
    public EventStream sse(String path, Object... pathValues) {
        return openSse(path, pathValues);
    }

    /**
     * Sends a request whose body is read as it arrives (a log tail, NDJSON, a long download): returns
     * as soon as the response headers are in. Close it (or use try-with-resources) to disconnect.
     *
     * <pre>{@code
     * try (StreamingResponse log = client.given().stream("GET", "/log")) {
     *     log.expectStatus(200).nextLine();
     * }
     * }</pre>
     *
     * @param method the method
     * @param path the path, relative to the app's context path
     * @return the open response
     * @throws AssertionError when the response headers do not arrive within the timeout
     */
    public StreamingResponse stream(String method, String path) {
        return openStream(method, path, NO_VALUES);
    }

    /**
     * Sends a request to a path template and reads its body as it arrives.
     *
     * <pre>{@code client.given().jsonBody(query).stream("POST", "/exports/{kind}", "csv")}</pre>
     *
     * @param method the method
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the open response
     */
    public StreamingResponse stream(String method, String path, Object... pathValues) {
        return openStream(method, path, pathValues);
    }

    /**
     * Opens a WebSocket session: a real HTTP/1.1 upgrade through Jetty, with this spec's headers,
     * query parameters and cookies (and the client's) on the handshake. Ask for subprotocols with
     * {@code header("Sec-WebSocket-Protocol", "v2.chat, v1.chat")}; read the chosen one with
     * {@link WebSocketSession#subprotocol()}. The spec's timeout (or the client's) is the session's.
     *
     * <pre>{@code
     * try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
     *     ws.sendText("hello").expectText("Echo: hello");
     * }
     * }</pre>
     *
     * @param path the endpoint's path, relative to the app's context path
     * @return the open session; close it when done
     * @throws WebSocketHandshakeException when the server answers with something other than 101,
     *     with that response
     */
    public WebSocketSession websocket(String path) {
        return openWebSocket(path, NO_VALUES);
    }

    /**
     * Opens a WebSocket session on a path template.
     *
     * <pre>{@code client.given().websocket("/ws/rooms/{room}", "lobby")}</pre>
     *
     * @param path the path with {@code {name}} placeholders
     * @param pathValues one value per placeholder, in order
     * @return the open session
     * @throws WebSocketHandshakeException when the server refuses the handshake
     */
    public WebSocketSession websocket(String path, Object... pathValues) {
        return openWebSocket(path, pathValues);
    }

    private WebSocketSession openWebSocket(String path, Object[] pathValues) {
        if (!(data.body() instanceof RequestBody.None)) {
            throw new IllegalStateException("a WebSocket handshake has no body, but this spec has " + data.body().describe()
                    + "; send data after the handshake with ws.sendText, ws.sendJson or ws.sendBinary");
        }
        return WebSockets.open(settings, toPlan("GET", path, pathValues));
    }


    private EventStream openSse(String path, Object[] pathValues) {
        checkBodyless("GET", path, "an event stream is always a GET; use stream(\"POST\", path) for a streamed"
                + " response to a request with a body");
        RequestPlan plan = toPlan("GET", path, pathValues);
        if (!plan.headers().contains("Accept")) {
            plan = plan.withHeader("Accept", "text/event-stream");
        }
        return EventStream.open(settings, plan);
    }

    private StreamingResponse openStream(String method, String path, Object[] pathValues) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("stream needs a method such as \"GET\", but got "
                    + (method == null ? "null" : "\"\""));
        }
        return StreamingResponse.open(settings, toPlan(method, path, pathValues));
    }
}
