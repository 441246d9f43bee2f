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
 * {@link Response}.
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
public final class RequestSpec {

    private static final Object[] NO_VALUES = new Object[0];

    /** The spec's values; every change builds a new one here. */
    private record Data(Headers headers, List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> cookies,
            RequestBody body, @Nullable Duration timeout) {

        Data withHeaders(Headers value) {
            return new Data(value, query, cookies, body, timeout);
        }

        Data withQuery(List<Map.Entry<String, String>> value) {
            return new Data(headers, value, cookies, body, timeout);
        }

        Data withCookies(List<Map.Entry<String, String>> value) {
            return new Data(headers, query, value, body, timeout);
        }

        Data withBody(RequestBody value) {
            return new Data(headers, query, cookies, value, timeout);
        }

        Data withTimeout(Duration value) {
            return new Data(headers, query, cookies, body, value);
        }
    }

    private final ClientSettings settings;
    private final Data data;

    RequestSpec(ClientSettings settings) {
        this(settings, new Data(Headers.empty(), List.of(), List.of(), new RequestBody.None(), null));
    }

    private RequestSpec(ClientSettings settings, Data data) {
        this.settings = settings;
        this.data = data;
    }

    // ---------------------------------------------------------------- headers, query, cookies, auth

    /**
     * Adds a header; calling it again with the same name adds another value. A header set here
     * replaces the client's default header of the same name.
     *
     * <pre>{@code given().header("X-Request-Id", 42)}</pre>
     *
     * @param name the header name
     * @param value the value, sent as {@code String.valueOf(value)}
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec header(String name, Object value) {
        requireName("header", name);
        requireValue("header " + name, value, "to send no header, do not add it");
        return with(data.withHeaders(data.headers().with(name, String.valueOf(value))));
    }

    /**
     * Asks for a media type ({@code Accept}).
     *
     * <pre>{@code given().accept("application/json")}</pre>
     *
     * @param mediaType the media type
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec accept(String mediaType) {
        requireValue("accept", mediaType, "pass a media type such as \"application/json\"");
        return with(data.withHeaders(data.headers().withOnly("Accept", mediaType)));
    }

    /**
     * Adds a query parameter; an {@link Iterable} value adds one parameter per element.
     *
     * <pre>{@code given().queryParam("page", 2).queryParam("tag", List.of("a", "b"))   // ?page=2&tag=a&tag=b}</pre>
     *
     * @param name the parameter name
     * @param value the value, or an iterable of values
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec queryParam(String name, Object value) {
        requireName("query parameter", name);
        requireValue("query parameter " + name, value, "use \"\" for an empty value, or leave the parameter out");
        List<Map.Entry<String, String>> query = new ArrayList<>(data.query());
        for (Object each : valuesOf(value)) {
            query.add(Map.entry(name, String.valueOf(each)));
        }
        return with(data.withQuery(List.copyOf(query)));
    }

    /**
     * Sends a cookie with this request, besides those in the client's cookie jar (this one wins
     * when the names are the same).
     *
     * <pre>{@code given().cookie("theme", "dark")}</pre>
     *
     * @param name the cookie name
     * @param value the value
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec cookie(String name, Object value) {
        requireName("cookie", name);
        requireValue("cookie " + name, value, "to send no cookie, do not add it");
        List<Map.Entry<String, String>> cookies = new ArrayList<>(data.cookies());
        cookies.add(Map.entry(name, String.valueOf(value)));
        return with(data.withCookies(List.copyOf(cookies)));
    }

    /**
     * Authenticates with HTTP Basic (user and password in UTF-8).
     *
     * <pre>{@code given().basicAuth("admin", "secret")}</pre>
     *
     * @param user the user name
     * @param password the password
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec basicAuth(String user, String password) {
        requireValue("basicAuth user", user, "pass the user name");
        requireValue("basicAuth password", password, "pass the password, or \"\" for none");
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return with(data.withHeaders(data.headers().withOnly("Authorization", "Basic " + token)));
    }

    /**
     * Authenticates with a bearer token ({@code Authorization: Bearer ...}).
     *
     * <pre>{@code given().bearerAuth(token)}</pre>
     *
     * @param token the token
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec bearerAuth(String token) {
        requireValue("bearerAuth token", token, "pass the token");
        return with(data.withHeaders(data.headers().withOnly("Authorization", "Bearer " + token)));
    }

    /**
     * Sends {@code Last-Event-ID}, as a browser does when it reconnects to an event stream, so a
     * test can check that the stream resumes after that id. ({@link EventStream#reconnect()} does it
     * with the last id a stream handed out.)
     *
     * <pre>{@code
     * try (EventStream events = client.given().lastEventId("41").sse("/events")) {
     *     events.expectEventMatching("the event after 41", e -> e.id().equals("42"));
     * }
     * }</pre>
     *
     * @param id the id, without CR, LF or NUL (the stream could not have sent such an id)
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec lastEventId(String id) {
        requireValue("lastEventId", id, "to send no Last-Event-ID, do not call lastEventId");
        if (id.indexOf('\r') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("lastEventId '" + id.replace("\r", "\\r").replace("\n", "\\n")
                    .replace("\0", "\\0") + "' contains CR, LF or NUL, which an event stream id cannot contain");
        }
        return with(data.withHeaders(data.headers().withOnly("Last-Event-ID", id)));
    }

    /**
     * How long to wait for this request's response, instead of the client's timeout.
     *
     * <pre>{@code given().timeout(Duration.ofSeconds(30)).post("/reports")}</pre>
     *
     * @param timeout a positive duration
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec timeout(Duration timeout) {
        return with(data.withTimeout(Checks.positive(timeout, "timeout", "Duration.ofSeconds(30)")));
    }

    // ---------------------------------------------------------------- bodies

    /**
     * Sends an object as JSON (Jackson, UTF-8, {@code Content-Type: application/json}).
     *
     * <pre>{@code given().jsonBody(new Item("pen")).post("/items")}</pre>
     *
     * @param value the object; null sends JSON {@code null}
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec jsonBody(@Nullable Object value) {
        return withBody(new RequestBody.Json(value), "jsonBody");
    }

    /**
     * Sends text, encoded in the charset the content type names (UTF-8 when it names none). The
     * content type is sent exactly as given.
     *
     * <pre>{@code given().body("a,b\n1,2", "text/csv").post("/import")}</pre>
     *
     * @param text the text
     * @param contentType the content type
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec body(String text, String contentType) {
        requireValue("body", text, "use body(\"\", contentType) for an empty body");
        requireValue("body content type", contentType, "pass a content type such as \"text/plain\"");
        Charset charset = dev.testlet.engine.internal.BodyText.charset(contentType);
        return withBody(new RequestBody.Raw(text.getBytes(charset), contentType), "body");
    }

    /**
     * Sends bytes.
     *
     * <pre>{@code given().body(png, "image/png").put("/avatar")}</pre>
     *
     * @param bytes the bytes (copied)
     * @param contentType the content type
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec body(byte[] bytes, String contentType) {
        requireValue("body", bytes, "use new byte[0] for an empty body");
        requireValue("body content type", contentType, "pass a content type such as \"application/octet-stream\"");
        return withBody(new RequestBody.Raw(bytes.clone(), contentType), "body");
    }

    /**
     * Adds a form field ({@code application/x-www-form-urlencoded}, UTF-8).
     *
     * <pre>{@code given().formParam("user", "ann").formParam("password", "pw").post("/login")}</pre>
     *
     * @param name the field name
     * @param value the value
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec formParam(String name, Object value) {
        requireName("form parameter", name);
        requireValue("form parameter " + name, value, "use \"\" for an empty value");
        RequestBody.Form form = data.body() instanceof RequestBody.Form f ? f : new RequestBody.Form(List.of());
        return withBody(form.with(name, String.valueOf(value)), "formParam");
    }

    /**
     * Adds a text field to a {@code multipart/form-data} body.
     *
     * <pre>{@code given().multipartField("title", "Holiday").multipartFile("photo", "beach.png", png, "image/png")}</pre>
     *
     * @param name the field name
     * @param value the text (UTF-8)
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec multipartField(String name, String value) {
        requireName("multipart field", name);
        requireValue("multipart field " + name, value, "use \"\" for an empty value");
        return withPart(Multipart.Part.field(name, value), "multipartField");
    }

    /**
     * Adds a file to a {@code multipart/form-data} body; the server reads it with {@code request.getPart(name)}.
     *
     * <pre>{@code given().multipartFile("upload", "report.csv", bytes, "text/csv").post("/files")}</pre>
     *
     * @param name the field name
     * @param filename the file name the server sees
     * @param content the bytes
     * @param contentType the file's content type
     * @return a new spec
     */
    @CheckReturnValue
    public RequestSpec multipartFile(String name, String filename, byte[] content, String contentType) {
        requireName("multipart file", name);
        requireValue("multipart file " + name + " filename", filename, "pass the file name the server should see");
        requireValue("multipart file " + name + " content", content, "use new byte[0] for an empty file");
        requireValue("multipart file " + name + " content type", contentType, "pass a type such as \"text/plain\"");
        return withPart(Multipart.Part.file(name, filename, content, contentType), "multipartFile");
    }

    // ---------------------------------------------------------------- verbs

    /**
     * Sends a GET.
     *
     * <pre>{@code given().get("/items").expectStatus(200)}</pre>
     *
     * @param path the path, relative to the app's context path
     * @return the response
     */
    public Response get(String path) {
        return send("GET", path, NO_VALUES, true);
    }

    /**
     * Sends a GET to a path template.
     *
     * <pre>{@code given().get("/items/{id}", 3)}</pre>
     *
     * @param path the path with {@code {name}} placeholders
     * @param pathValues one value per placeholder, in order
     * @return the response
     */
    public Response get(String path, Object... pathValues) {
        return send("GET", path, pathValues, true);
    }

    /**
     * Sends a POST.
     *
     * <pre>{@code given().jsonBody(item).post("/items").expectStatus(201)}</pre>
     *
     * @param path the path
     * @return the response
     */
    public Response post(String path) {
        return send("POST", path, NO_VALUES, false);
    }

    /**
     * Sends a POST to a path template.
     *
     * <pre>{@code given().post("/items/{id}/archive", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response post(String path, Object... pathValues) {
        return send("POST", path, pathValues, false);
    }

    /**
     * Sends a PUT.
     *
     * <pre>{@code given().jsonBody(item).put("/items/3")}</pre>
     *
     * @param path the path
     * @return the response
     */
    public Response put(String path) {
        return send("PUT", path, NO_VALUES, false);
    }

    /**
     * Sends a PUT to a path template.
     *
     * <pre>{@code given().jsonBody(item).put("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response put(String path, Object... pathValues) {
        return send("PUT", path, pathValues, false);
    }

    /**
     * Sends a PATCH.
     *
     * <pre>{@code given().jsonBody(Map.of("name", "pencil")).patch("/items/3")}</pre>
     *
     * @param path the path
     * @return the response
     */
    public Response patch(String path) {
        return send("PATCH", path, NO_VALUES, false);
    }

    /**
     * Sends a PATCH to a path template.
     *
     * <pre>{@code given().jsonBody(changes).patch("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response patch(String path, Object... pathValues) {
        return send("PATCH", path, pathValues, false);
    }

    /**
     * Sends a DELETE.
     *
     * <pre>{@code given().delete("/items/3").expectStatus(204)}</pre>
     *
     * @param path the path
     * @return the response
     */
    public Response delete(String path) {
        return send("DELETE", path, NO_VALUES, false);
    }

    /**
     * Sends a DELETE to a path template.
     *
     * <pre>{@code given().delete("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response delete(String path, Object... pathValues) {
        return send("DELETE", path, pathValues, false);
    }

    /**
     * Sends a HEAD.
     *
     * <pre>{@code given().head("/items").expectHeader("Content-Type", "application/json")}</pre>
     *
     * @param path the path
     * @return the response (with no body)
     */
    public Response head(String path) {
        return send("HEAD", path, NO_VALUES, true);
    }

    /**
     * Sends a HEAD to a path template.
     *
     * <pre>{@code given().head("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response head(String path, Object... pathValues) {
        return send("HEAD", path, pathValues, true);
    }

    /**
     * Sends an OPTIONS.
     *
     * <pre>{@code given().options("/items").expectHeader("Allow", "GET, POST")}</pre>
     *
     * @param path the path
     * @return the response
     */
    public Response options(String path) {
        return send("OPTIONS", path, NO_VALUES, false);
    }

    /**
     * Sends an OPTIONS to a path template.
     *
     * <pre>{@code given().options("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response options(String path, Object... pathValues) {
        return send("OPTIONS", path, pathValues, false);
    }

    /**
     * Sends a request with any method; unlike {@link #get(String)} it lets a GET carry a body.
     *
     * <pre>{@code given().request("PROPFIND", "/files")}</pre>
     *
     * @param method the method token
     * @param path the path
     * @return the response
     */
    public Response request(String method, String path) {
        return send(method, path, NO_VALUES, false);
    }

    /**
     * Sends a request with any method to a path template.
     *
     * <pre>{@code given().request("PURGE", "/cache/{key}", "home")}</pre>
     *
     * @param method the method token
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response
     */
    public Response request(String method, String path, Object... pathValues) {
        return send(method, path, pathValues, false);
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

    /**
     * The plan this spec would send, without sending it: to print it, or to send it later with
     * {@link TestClient#execute(RequestPlan)}.
     *
     * <pre>{@code given().bearerAuth(t).plan("GET", "/items").toCurl("http://localhost:8080")}</pre>
     *
     * @param method the method
     * @param path the path (no placeholders)
     * @return the plan
     */
    public RequestPlan plan(String method, String path) {
        return toPlan(method, path, NO_VALUES);
    }

    // ---------------------------------------------------------------- internals

    private Response send(String method, String path, Object[] pathValues, boolean bodyless) {
        if (bodyless && !(data.body() instanceof RequestBody.None)) {
            throw new IllegalStateException(method + " " + path + " must not have a request body, but this spec has "
                    + data.body().describe() + "; send it with post, put or patch, or use request(\"" + method
                    + "\", path) if the API really reads a body on " + method);
        }
        return Dispatcher.send(settings, toPlan(method, path, pathValues));
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

    private void checkBodyless(String method, String path, String hint) {
        if (!(data.body() instanceof RequestBody.None)) {
            throw new IllegalStateException(method + " " + path + " must not have a request body, but this spec has "
                    + data.body().describe() + "; " + hint);
        }
    }

    RequestPlan toPlan(String method, String path, Object[] pathValues) {
        String target = settings.engine().basePath() + UriEncoding.path(expand(path, pathValues));
        if (!data.query().isEmpty()) {
            target += (target.contains("?") ? "&" : "?") + UriEncoding.query(data.query());
        }
        Headers headers = settings.defaultHeaders();
        for (String name : data.headers().names()) {
            headers = headers.without(name);
        }
        for (Headers.Header h : data.headers()) {
            headers = headers.with(h.name(), h.value());
        }
        if (!data.cookies().isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            for (Map.Entry<String, String> c : data.cookies()) {
                cookie.append(cookie.isEmpty() ? "" : "; ").append(c.getKey()).append('=').append(c.getValue());
            }
            headers = headers.without("Cookie").with("Cookie", cookie.toString());
        }
        RequestBody.Encoded body = data.body().encode(settings.mapper());
        if (body.contentType() != null && !headers.contains("Content-Type")) {
            headers = headers.with("Content-Type", body.contentType());
        }
        Duration timeout = data.timeout() != null ? data.timeout() : settings.timeout();
        return new RequestPlan(method, target, headers, body.bytes(), timeout);
    }

    private static String expand(String path, Object[] values) {
        if (path == null) {
            throw new IllegalArgumentException("the path is null; pass a path such as \"/items\"");
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            throw new IllegalArgumentException("'" + path + "' is a URL, but requests take a path such as \"/items\""
                    + " (relative to the app); to test a deployed server, use Testlet.connect(URI)");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must start with '/', as in \"/" + path + "\"");
        }
        return values.length == 0 && path.indexOf('{') < 0 ? path : UriEncoding.expand(path, values);
    }

    private RequestSpec with(Data newData) {
        return new RequestSpec(settings, newData);
    }

    private RequestSpec withBody(RequestBody body, String call) {
        RequestBody current = data.body();
        if (!(current instanceof RequestBody.None) && current.getClass() != body.getClass()) {
            throw new IllegalStateException(call + " cannot add a body: this spec already has " + current.describe()
                    + ", and a request has one body; use only one of jsonBody, body, formParam or multipart*");
        }
        if ((body instanceof RequestBody.Json || body instanceof RequestBody.Raw) && !(current instanceof RequestBody.None)) {
            throw new IllegalStateException(call + " cannot replace the body this spec already has ("
                    + current.describe() + "); start from given() again for a different body");
        }
        return with(data.withBody(body));
    }

    private RequestSpec withPart(Multipart.Part part, String call) {
        RequestBody.Parts parts = data.body() instanceof RequestBody.Parts p ? p : new RequestBody.Parts(List.of());
        return withBody(parts.with(part), call);
    }

    private static Iterable<?> valuesOf(Object value) {
        if (value instanceof Iterable<?> iterable) {
            for (Object each : iterable) {
                requireValue("an element of a query parameter list", each, "leave null elements out");
            }
            return iterable;
        }
        return List.of(value);
    }

    private static void requireName(String what, @Nullable String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " needs a name, but got " + (name == null ? "null" : "\"\""));
        }
    }

    private static void requireValue(String what, @Nullable Object value, String hint) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null; " + hint);
        }
    }
}
