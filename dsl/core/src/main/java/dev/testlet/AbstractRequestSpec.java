package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.Checks;
import dev.testlet.internal.CookieRules;
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
 * The configuring methods and verbs of a request spec, written once for both endings: the
 * synchronous {@link RequestSpec} (verbs return the {@link Response}) and the asynchronous
 * {@link AsyncRequestSpec} (verbs return a {@code CompletableFuture<Response>}). Immutable: every
 * call returns a new spec, so a spec can be kept and reused.
 *
 * <pre>{@code
 * Response r = client.given().bearerAuth(token).get("/items");                            // sync
 * CompletableFuture<Response> f = client.async().given().bearerAuth(token).get("/items"); // async
 * }</pre>
 *
 * @param <S> the spec type the configuring methods return
 * @param <R> what a verb returns
 */
public abstract sealed class AbstractRequestSpec<S extends AbstractRequestSpec<S, R>, R>
        permits RequestSpec, AsyncRequestSpec {

    static final Object[] NO_VALUES = new Object[0];

    /** The spec's values; every change builds a new one here. */
    record Data(Headers headers, List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> cookies,
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

    final ClientSettings settings;
    final Data data;

    /** The values of an empty spec. */
    static Data empty() {
        return new Data(Headers.empty(), List.of(), List.of(), new RequestBody.None(), null);
    }

    AbstractRequestSpec(ClientSettings settings, Data data) {
        this.settings = settings;
        this.data = data;
    }

    /** A spec of the same kind with other values. */
    abstract S with(Data newData);

    /** The ending: sends a complete plan and returns what this kind of spec returns. */
    abstract R send(RequestPlan plan);

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
    public S header(String name, Object value) {
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
    public S accept(String mediaType) {
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
    public S queryParam(String name, Object value) {
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
    public S cookie(String name, Object value) {
        requireName("cookie", name);
        requireValue("cookie " + name, value, "to send no cookie, do not add it");
        CookieRules.check(name, String.valueOf(value));
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
    public S basicAuth(String user, String password) {
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
    public S bearerAuth(String token) {
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
    public S lastEventId(String id) {
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
    public S timeout(Duration timeout) {
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
    public S jsonBody(@Nullable Object value) {
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
    public S body(String text, String contentType) {
        requireValue("body", text, "use body(\"\", contentType) for an empty body");
        requireValue("body content type", contentType, "pass a content type such as \"text/plain\"");
        Charset charset = dev.testlet.engine.spi.BodyText.charset(contentType);
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
    public S body(byte[] bytes, String contentType) {
        requireValue("body", bytes, "use new byte[0] for an empty body");
        requireValue("body content type", contentType, "pass a content type such as \"application/octet-stream\"");
        return withBody(new RequestBody.Raw(bytes.clone(), contentType), "body");
    }

    /**
     * Sends a file, streamed from disk as the server reads it: at most one chunk of it is in memory at
     * a time, so it may be bigger than the heap. Its {@code Content-Length} is the file's size when the
     * request is sent.
     *
     * <pre>{@code given().body(Path.of("big.bin"), "application/octet-stream").post("/upload")}</pre>
     *
     * @param file a readable regular file
     * @param contentType the content type
     * @return a new spec
     * @throws IllegalArgumentException when the file does not exist, is a directory or cannot be read
     */
    @CheckReturnValue
    public S body(java.nio.file.Path file, String contentType) {
        requireValue("body file", file, "pass the Path of a file, or use body(byte[], contentType)");
        requireValue("body content type", contentType, "pass a content type such as \"application/octet-stream\"");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the body file " + file.toAbsolutePath() + (java.nio.file.Files.isDirectory(file)
                    ? " is a directory" : " does not exist") + "; pass the Path of a file to send");
        }
        if (!java.nio.file.Files.isReadable(file)) {
            throw new IllegalArgumentException("the body file " + file.toAbsolutePath() + " cannot be read (check its"
                    + " permissions)");
        }
        return withBody(new RequestBody.File(file, contentType), "body");
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
    public S formParam(String name, Object value) {
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
    public S multipartField(String name, String value) {
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
    public S multipartFile(String name, String filename, byte[] content, String contentType) {
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
     * @return the response (from {@code async()}, its future)
     */
    public R get(String path) {
        return sendVerb("GET", path, NO_VALUES, true);
    }

    /**
     * Sends a GET to a path template.
     *
     * <pre>{@code given().get("/items/{id}", 3)}</pre>
     *
     * @param path the path with {@code {name}} placeholders
     * @param pathValues one value per placeholder, in order
     * @return the response (from {@code async()}, its future)
     */
    public R get(String path, Object... pathValues) {
        return sendVerb("GET", path, pathValues, true);
    }

    /**
     * Sends a POST.
     *
     * <pre>{@code given().jsonBody(item).post("/items").expectStatus(201)}</pre>
     *
     * @param path the path
     * @return the response (from {@code async()}, its future)
     */
    public R post(String path) {
        return sendVerb("POST", path, NO_VALUES, false);
    }

    /**
     * Sends a POST to a path template.
     *
     * <pre>{@code given().post("/items/{id}/archive", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R post(String path, Object... pathValues) {
        return sendVerb("POST", path, pathValues, false);
    }

    /**
     * Sends a PUT.
     *
     * <pre>{@code given().jsonBody(item).put("/items/3")}</pre>
     *
     * @param path the path
     * @return the response (from {@code async()}, its future)
     */
    public R put(String path) {
        return sendVerb("PUT", path, NO_VALUES, false);
    }

    /**
     * Sends a PUT to a path template.
     *
     * <pre>{@code given().jsonBody(item).put("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R put(String path, Object... pathValues) {
        return sendVerb("PUT", path, pathValues, false);
    }

    /**
     * Sends a PATCH.
     *
     * <pre>{@code given().jsonBody(Map.of("name", "pencil")).patch("/items/3")}</pre>
     *
     * @param path the path
     * @return the response (from {@code async()}, its future)
     */
    public R patch(String path) {
        return sendVerb("PATCH", path, NO_VALUES, false);
    }

    /**
     * Sends a PATCH to a path template.
     *
     * <pre>{@code given().jsonBody(changes).patch("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R patch(String path, Object... pathValues) {
        return sendVerb("PATCH", path, pathValues, false);
    }

    /**
     * Sends a DELETE.
     *
     * <pre>{@code given().delete("/items/3").expectStatus(204)}</pre>
     *
     * @param path the path
     * @return the response (from {@code async()}, its future)
     */
    public R delete(String path) {
        return sendVerb("DELETE", path, NO_VALUES, false);
    }

    /**
     * Sends a DELETE to a path template.
     *
     * <pre>{@code given().delete("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R delete(String path, Object... pathValues) {
        return sendVerb("DELETE", path, pathValues, false);
    }

    /**
     * Sends a HEAD.
     *
     * <pre>{@code given().head("/items").expectHeader("Content-Type", "application/json")}</pre>
     *
     * @param path the path
     * @return the response (from {@code async()}, its future) (with no body)
     */
    public R head(String path) {
        return sendVerb("HEAD", path, NO_VALUES, true);
    }

    /**
     * Sends a HEAD to a path template.
     *
     * <pre>{@code given().head("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R head(String path, Object... pathValues) {
        return sendVerb("HEAD", path, pathValues, true);
    }

    /**
     * Sends an OPTIONS.
     *
     * <pre>{@code given().options("/items").expectHeader("Allow", "GET, POST")}</pre>
     *
     * @param path the path
     * @return the response (from {@code async()}, its future)
     */
    public R options(String path) {
        return sendVerb("OPTIONS", path, NO_VALUES, false);
    }

    /**
     * Sends an OPTIONS to a path template.
     *
     * <pre>{@code given().options("/items/{id}", 3)}</pre>
     *
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R options(String path, Object... pathValues) {
        return sendVerb("OPTIONS", path, pathValues, false);
    }

    /**
     * Sends a request with any method; unlike {@link #get(String)} it lets a GET carry a body.
     *
     * <pre>{@code given().request("PROPFIND", "/files")}</pre>
     *
     * @param method the method token
     * @param path the path
     * @return the response (from {@code async()}, its future)
     */
    public R request(String method, String path) {
        return sendVerb(method, path, NO_VALUES, false);
    }

    /**
     * Sends a request with any method to a path template.
     *
     * <pre>{@code given().request("PURGE", "/cache/{key}", "home")}</pre>
     *
     * @param method the method token
     * @param path the path with placeholders
     * @param pathValues one value per placeholder
     * @return the response (from {@code async()}, its future)
     */
    public R request(String method, String path, Object... pathValues) {
        return sendVerb(method, path, pathValues, false);
    }
    // ---------------------------------------------------------------- internals

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

    private R sendVerb(String method, String path, Object[] pathValues, boolean bodyless) {
        if (bodyless && !(data.body() instanceof RequestBody.None)) {
            throw new IllegalStateException(method + " " + path + " must not have a request body, but this spec has "
                    + data.body().describe() + "; send it with post, put or patch, or use request(\"" + method
                    + "\", path) if the API really reads a body on " + method);
        }
        return send(toPlan(method, path, pathValues));
    }

    void checkBodyless(String method, String path, String hint) {
        if (!(data.body() instanceof RequestBody.None)) {
            throw new IllegalStateException(method + " " + path + " must not have a request body, but this spec has "
                    + data.body().describe() + "; " + hint);
        }
    }

    RequestPlan toPlan(String method, String path, Object[] pathValues) {
        String target = settings.transport().basePath() + UriEncoding.path(expand(path, pathValues));
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
        return new RequestPlan(method, target, headers, body.bytes(), timeout, body.file());
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

    private S withBody(RequestBody body, String call) {
        RequestBody current = data.body();
        if (!(current instanceof RequestBody.None) && current.getClass() != body.getClass()) {
            throw new IllegalStateException(call + " cannot add a body: this spec already has " + current.describe()
                    + ", and a request has one body; use only one of jsonBody, body, formParam or multipart*");
        }
        if ((body instanceof RequestBody.Json || body instanceof RequestBody.Raw || body instanceof RequestBody.File)
                && !(current instanceof RequestBody.None)) {
            throw new IllegalStateException(call + " cannot replace the body this spec already has ("
                    + current.describe() + "); start from given() again for a different body");
        }
        return with(data.withBody(body));
    }

    private S withPart(Multipart.Part part, String call) {
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
