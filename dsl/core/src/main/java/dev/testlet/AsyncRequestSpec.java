package dev.testlet;

import dev.testlet.engine.RequestPlan;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous ending of a request spec: the same configuring methods and verbs as
 * {@link RequestSpec} ({@link AbstractRequestSpec}'s), but its verbs send the request on a new
 * virtual thread and return a {@code CompletableFuture<Response>}; the app's handler runs on that
 * thread. A failed expectation inside the future surfaces at {@code join()}.
 *
 * <pre>{@code
 * CompletableFuture<Response> created = client.async().given().jsonBody(item).post("/items");
 * created.join().expectStatus(201);
 * }</pre>
 *
 * <p>Kotlin users: {@code client.async().given().get("/items").await()} with kotlinx-coroutines.
 */
public final class AsyncRequestSpec extends AbstractRequestSpec<AsyncRequestSpec, CompletableFuture<Response>> {

    private final AsyncClient client;

    AsyncRequestSpec(ClientSettings settings, Data data, AsyncClient client) {
        super(settings, data);
        this.client = client;
    }

    @Override
    AsyncRequestSpec with(Data newData) {
        return new AsyncRequestSpec(settings, newData, client);
    }

    @Override
    CompletableFuture<Response> send(RequestPlan plan) {
        return client.submit(plan.method() + " " + plan.target(), () -> Dispatcher.send(settings, plan));
    }

    /**
     * Opens an event stream on a virtual thread; the future completes once the response headers are in.
     *
     * <pre>{@code try (EventStream events = client.async().given().sse("/events").join()) { events.next(); }}</pre>
     *
     * @param path the path, relative to the app's context path
     * @param pathValues values for the path's {@code {placeholders}}, in order
     * @return the future stream; close the stream when done
     */
    public CompletableFuture<EventStream> sse(String path, Object... pathValues) {
        RequestSpec sync = sync();
        return client.submit("event stream " + path, () -> sync.sse(path, pathValues));
    }

    /**
     * Opens a streamed response on a virtual thread; the future completes once the headers are in.
     *
     * <pre>{@code try (StreamingResponse log = client.async().given().stream("GET", "/log").join()) { log.nextLine(); }}</pre>
     *
     * @param method the HTTP method
     * @param path the path, relative to the app's context path
     * @param pathValues values for the path's {@code {placeholders}}, in order
     * @return the future stream; close it when done
     */
    public CompletableFuture<StreamingResponse> stream(String method, String path, Object... pathValues) {
        RequestSpec sync = sync();
        return client.submit("stream " + method + " " + path, () -> sync.stream(method, path, pathValues));
    }

    /**
     * Opens a WebSocket session on a virtual thread; the future completes once the handshake is done
     * (or fails with a {@link WebSocketHandshakeException}).
     *
     * <pre>{@code try (WebSocketSession ws = client.async().given().websocket("/ws/chat").join()) { ... }}</pre>
     *
     * @param path the path, relative to the app's context path
     * @param pathValues values for the path's {@code {placeholders}}, in order
     * @return the future session; close it when done
     */
    public CompletableFuture<WebSocketSession> websocket(String path, Object... pathValues) {
        RequestSpec sync = sync();
        return client.submit("WebSocket handshake " + path, () -> sync.websocket(path, pathValues));
    }

    /** The same values with the synchronous ending. */
    private RequestSpec sync() {
        return new RequestSpec(settings, data);
    }
}
