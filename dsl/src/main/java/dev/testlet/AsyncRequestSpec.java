package dev.testlet;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The async twin of {@link RequestSpec}: the same immutable builder, but its verbs send the request
 * on a new virtual thread and return a {@code CompletableFuture<Response>}; the app's handler runs
 * on that thread. A failed expectation inside the future surfaces at {@code join()}.
 *
 * <pre>{@code
 * CompletableFuture<Response> created = client.async().given().jsonBody(item).post("/items");
 * created.join().expectStatus(201);
 * }</pre>
 */
public final class AsyncRequestSpec {

    private final RequestSpec spec;
    private final AsyncClient client;

    AsyncRequestSpec(RequestSpec spec, AsyncClient client) {
        this.spec = spec;
        this.client = client;
    }

    /**
     * Adds a header; calling it again with the same name adds another value. A header set here
     * replaces the client's default header of the same name.
     *
     * <pre>{@code client.async().given().header("X-Request-Id", 42)}</pre>
     *
     * @param name the header name
     * @param value the value, sent as {@code String.valueOf(value)}
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec header(String name, Object value) {
        return new AsyncRequestSpec(spec.header(name, value), client);
    }

    /**
     * Asks for a media type ({@code Accept}).
     *
     * <pre>{@code client.async().given().accept("application/json")}</pre>
     *
     * @param mediaType the media type
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec accept(String mediaType) {
        return new AsyncRequestSpec(spec.accept(mediaType), client);
    }

    /**
     * Adds a query parameter; an {@link Iterable} value adds one parameter per element.
     *
     * <pre>{@code client.async().given().queryParam("page", 2).queryParam("tag", List.of("a", "b"))   // ?page=2&tag=a&tag=b}</pre>
     *
     * @param name the parameter name
     * @param value the value, or an iterable of values
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec queryParam(String name, Object value) {
        return new AsyncRequestSpec(spec.queryParam(name, value), client);
    }

    /**
     * Sends a cookie with this request, besides those in the client's cookie jar (this one wins
     * when the names are the same).
     *
     * <pre>{@code client.async().given().cookie("theme", "dark")}</pre>
     *
     * @param name the cookie name
     * @param value the value
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec cookie(String name, Object value) {
        return new AsyncRequestSpec(spec.cookie(name, value), client);
    }

    /**
     * Authenticates with HTTP Basic (user and password in UTF-8).
     *
     * <pre>{@code client.async().given().basicAuth("admin", "secret")}</pre>
     *
     * @param user the user name
     * @param password the password
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec basicAuth(String user, String password) {
        return new AsyncRequestSpec(spec.basicAuth(user, password), client);
    }

    /**
     * Authenticates with a bearer token ({@code Authorization: Bearer ...}).
     *
     * <pre>{@code client.async().given().bearerAuth(token)}</pre>
     *
     * @param token the token
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec bearerAuth(String token) {
        return new AsyncRequestSpec(spec.bearerAuth(token), client);
    }

    /**
     * Sends {@code Last-Event-ID}, as a browser does when it reconnects to an event stream.
     *
     * <pre>{@code client.async().given().lastEventId("41").sse("/events")}</pre>
     *
     * @param id the id, without CR, LF or NUL
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec lastEventId(String id) {
        return new AsyncRequestSpec(spec.lastEventId(id), client);
    }

    /**
     * How long to wait for this request's response, instead of the client's timeout.
     *
     * <pre>{@code client.async().given().timeout(Duration.ofSeconds(30)).post("/reports")}</pre>
     *
     * @param timeout a positive duration
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec timeout(Duration timeout) {
        return new AsyncRequestSpec(spec.timeout(timeout), client);
    }

    /**
     * Sends an object as JSON (Jackson, UTF-8, {@code Content-Type: application/json}).
     *
     * <pre>{@code client.async().given().jsonBody(new Item("pen")).post("/items")}</pre>
     *
     * @param value the object; null sends JSON {@code null}
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec jsonBody(@Nullable Object value) {
        return new AsyncRequestSpec(spec.jsonBody(value), client);
    }

    /**
     * Sends text, encoded in the charset the content type names (UTF-8 when it names none). The
     * content type is sent exactly as given.
     *
     * <pre>{@code client.async().given().body("a,b\n1,2", "text/csv").post("/import")}</pre>
     *
     * @param text the text
     * @param contentType the content type
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec body(String text, String contentType) {
        return new AsyncRequestSpec(spec.body(text, contentType), client);
    }

    /**
     * Sends bytes.
     *
     * <pre>{@code client.async().given().body(png, "image/png").put("/avatar")}</pre>
     *
     * @param bytes the bytes (copied)
     * @param contentType the content type
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec body(byte[] bytes, String contentType) {
        return new AsyncRequestSpec(spec.body(bytes, contentType), client);
    }

    /**
     * Adds a form field ({@code application/x-www-form-urlencoded}, UTF-8).
     *
     * <pre>{@code client.async().given().formParam("user", "ann").formParam("password", "pw").post("/login")}</pre>
     *
     * @param name the field name
     * @param value the value
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec formParam(String name, Object value) {
        return new AsyncRequestSpec(spec.formParam(name, value), client);
    }

    /**
     * Adds a text field to a {@code multipart/form-data} body.
     *
     * <pre>{@code client.async().given().multipartField("title", "Holiday").multipartFile("photo", "beach.png", png, "image/png")}</pre>
     *
     * @param name the field name
     * @param value the text (UTF-8)
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec multipartField(String name, String value) {
        return new AsyncRequestSpec(spec.multipartField(name, value), client);
    }

    /**
     * Adds a file to a {@code multipart/form-data} body; the server reads it with {@code request.getPart(name)}.
     *
     * <pre>{@code client.async().given().multipartFile("upload", "report.csv", bytes, "text/csv").post("/files")}</pre>
     *
     * @param name the field name
     * @param filename the file name the server sees
     * @param content the bytes
     * @param contentType the file's content type
     * @return a new async spec
     */
    @CheckReturnValue
    public AsyncRequestSpec multipartFile(String name, String filename, byte[] content, String contentType) {
        return new AsyncRequestSpec(spec.multipartFile(name, filename, content, contentType), client);
    }

    /**
     * Sends a GET.
     *
     * <pre>{@code client.async().given().get("/items").join().expectStatus(200)}</pre>
     *
     * @param path the path, relative to the app's context path
     * @return the future response
     */
    public CompletableFuture<Response> get(String path) {
        return client.submit(describe("GET", path), () -> spec.get(path));
    }

    /**
     * Sends a GET to a path template.
     *
     * <pre>{@code client.async().given().get("/items/{id}", 3)}</pre>
     *
     * @param path the path with {@code {name}} placeholders
     * @param pathValues one value per placeholder, in order
     * @return the future response
     */
    public CompletableFuture<Response> get(String path, Object... pathValues) {
        return client.submit(describe("GET", path), () -> spec.get(path, pathValues));
    }

    /**
     * Sends a POST.
     *
     * <pre>{@code client.async().given().jsonBody(item).post("/items").join().expectStatus(201)}</pre>
     *
     * @param path the path
     * @return the future response
     */
    public CompletableFuture<Response> post(String path) {
        return client.submit(describe("POST", path), () -> spec.post(path));
    }

    /**
     * Sends a POST to a path template.
     *
     * <pre>{@code client.async().given().post("/items/{id}/archive", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> post(String path, Object... pathValues) {
        return client.submit(describe("POST", path), () -> spec.post(path, pathValues));
    }

    /**
     * Sends a PUT.
     *
     * <pre>{@code client.async().given().jsonBody(item).put("/items/3")}</pre>
     *
     * @param path the path
     * @return the future response
     */
    public CompletableFuture<Response> put(String path) {
        return client.submit(describe("PUT", path), () -> spec.put(path));
    }

    /**
     * Sends a PUT to a path template.
     *
     * <pre>{@code client.async().given().jsonBody(item).put("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> put(String path, Object... pathValues) {
        return client.submit(describe("PUT", path), () -> spec.put(path, pathValues));
    }

    /**
     * Sends a PATCH.
     *
     * <pre>{@code client.async().given().jsonBody(Map.of("name", "pencil")).patch("/items/3")}</pre>
     *
     * @param path the path
     * @return the future response
     */
    public CompletableFuture<Response> patch(String path) {
        return client.submit(describe("PATCH", path), () -> spec.patch(path));
    }

    /**
     * Sends a PATCH to a path template.
     *
     * <pre>{@code client.async().given().jsonBody(changes).patch("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> patch(String path, Object... pathValues) {
        return client.submit(describe("PATCH", path), () -> spec.patch(path, pathValues));
    }

    /**
     * Sends a DELETE.
     *
     * <pre>{@code client.async().given().delete("/items/3").join().expectStatus(204)}</pre>
     *
     * @param path the path
     * @return the future response
     */
    public CompletableFuture<Response> delete(String path) {
        return client.submit(describe("DELETE", path), () -> spec.delete(path));
    }

    /**
     * Sends a DELETE to a path template.
     *
     * <pre>{@code client.async().given().delete("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> delete(String path, Object... pathValues) {
        return client.submit(describe("DELETE", path), () -> spec.delete(path, pathValues));
    }

    /**
     * Sends a HEAD.
     *
     * <pre>{@code client.async().given().head("/items").expectHeader("Content-Type", "application/json")}</pre>
     *
     * @param path the path
     * @return the future response (with no body)
     */
    public CompletableFuture<Response> head(String path) {
        return client.submit(describe("HEAD", path), () -> spec.head(path));
    }

    /**
     * Sends a HEAD to a path template.
     *
     * <pre>{@code client.async().given().head("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> head(String path, Object... pathValues) {
        return client.submit(describe("HEAD", path), () -> spec.head(path, pathValues));
    }

    /**
     * Sends an OPTIONS.
     *
     * <pre>{@code client.async().given().options("/items").expectHeader("Allow", "GET, POST")}</pre>
     *
     * @param path the path
     * @return the future response
     */
    public CompletableFuture<Response> options(String path) {
        return client.submit(describe("OPTIONS", path), () -> spec.options(path));
    }

    /**
     * Sends an OPTIONS to a path template.
     *
     * <pre>{@code client.async().given().options("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> options(String path, Object... pathValues) {
        return client.submit(describe("OPTIONS", path), () -> spec.options(path, pathValues));
    }

    /**
     * Sends a request with any method; unlike {@link #get(String)} it lets a GET carry a body.
     *
     * <pre>{@code client.async().given().request("PROPFIND", "/files")}</pre>
     *
     * @param method the method token
     * @param path the path
     * @return the future response
     */
    public CompletableFuture<Response> request(String method, String path) {
        return client.submit(describe(method, path), () -> spec.request(method, path));
    }

    /**
     * Sends a request with any method to a path template.
     *
     * <pre>{@code client.async().given().request("PURGE", "/cache/{key}", "home")}</pre>
     *
     * @param method the method token
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<Response> request(String method, String path, Object... pathValues) {
        return client.submit(describe(method, path), () -> spec.request(method, path, pathValues));
    }

    /**
     * Opens a server-sent event stream on a virtual thread; the future completes when the response
     * headers arrive.
     *
     * <pre>{@code
     * CompletableFuture<EventStream> pending = client.async().given().sse("/events");
     * try (EventStream events = pending.join()) { events.next(); }
     * }</pre>
     *
     * @param path the path, relative to the app's context path
     * @return the future stream; close it once it is open
     */
    public CompletableFuture<EventStream> sse(String path) {
        return client.submit(describe("GET", path) + " (event stream)", () -> spec.sse(path));
    }

    /**
     * Opens a server-sent event stream at a path template on a virtual thread.
     *
     * <pre>{@code client.async().given().sse("/jobs/{id}/events", 7)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future stream
     */
    public CompletableFuture<EventStream> sse(String path, Object... pathValues) {
        return client.submit(describe("GET", path) + " (event stream)", () -> spec.sse(path, pathValues));
    }

    /**
     * Sends a request whose body is read as it arrives, on a virtual thread; the future completes when
     * the response headers arrive.
     *
     * <pre>{@code client.async().given().stream("GET", "/log").join().nextLine()}</pre>
     *
     * @param method the method
     * @param path the path
     * @return the future response; close it once it is open
     */
    public CompletableFuture<StreamingResponse> stream(String method, String path) {
        return client.submit(describe(method, path) + " (stream)", () -> spec.stream(method, path));
    }

    /**
     * Sends a request to a path template whose body is read as it arrives, on a virtual thread.
     *
     * <pre>{@code client.async().given().stream("GET", "/logs/{app}", "shop")}</pre>
     *
     * @param method the method
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future response
     */
    public CompletableFuture<StreamingResponse> stream(String method, String path, Object... pathValues) {
        return client.submit(describe(method, path) + " (stream)", () -> spec.stream(method, path, pathValues));
    }

    /**
     * Opens a WebSocket session on a virtual thread.
     *
     * <pre>{@code
     * CompletableFuture<WebSocketSession> opening = client.async().given().websocket("/ws/chat");
     * try (WebSocketSession ws = opening.join()) { ws.expectText("welcome"); }
     * }</pre>
     *
     * @param path the endpoint's path
     * @return the future session; a refused handshake completes it with a {@link WebSocketHandshakeException}
     */
    public CompletableFuture<WebSocketSession> websocket(String path) {
        return client.submit(describe("WebSocket", path), () -> spec.websocket(path));
    }

    /**
     * Opens a WebSocket session on a path template, on a virtual thread.
     *
     * <pre>{@code client.async().given().websocket("/ws/rooms/{room}", "lobby")}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the future session
     */
    public CompletableFuture<WebSocketSession> websocket(String path, Object... pathValues) {
        return client.submit(describe("WebSocket", path), () -> spec.websocket(path, pathValues));
    }

    private static String describe(String method, String path) {
        return method + " " + path;
    }
}
