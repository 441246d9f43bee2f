package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.spi.BodyText;
import dev.testlet.internal.ContentDecoding;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Json;
import dev.testlet.internal.TestBinding;
import dev.testlet.internal.snapshot.Rendering;
import dev.testlet.internal.snapshot.SnapshotRenderer;
import dev.testlet.internal.snapshot.SnapshotSession;
import dev.testlet.internal.KotlinModuleHint;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A finished response, to read and to assert on. Every {@code expect...} returns the response, so
 * expectations chain; a failed one throws an {@link AssertionError} whose message shows what was
 * expected, what came, and the whole exchange (request with secrets masked, response, any server
 * exception and log lines, and a curl line to replay it). The checks on the status line and headers
 * are {@link ResponseHead}'s, shared with streams and WebSocket sessions.
 *
 * <pre>{@code
 * Response r = client.given().get("/items/3")
 *     .expectStatus(200)
 *     .expectContentType("application/json")
 *     .expectJson("/name", "pen");
 * Item item = r.bodyAs(Item.class);
 * }</pre>
 *
 * <p>A failing expectation prints, for example:
 *
 * <pre>
 * expected status : 200
 * but was         : 404 Not Found
 * request         : GET /items/3
 *
 * --- request ---
 * GET /items/3 HTTP/1.1
 * ...
 * </pre>
 */
public final class Response extends ResponseHead<Response> {

    private final Exchange exchange;
    private final ClientSettings settings;
    private final List<Response> redirects;
    private final byte[] body;
    private final @Nullable String notFollowed;
    private final @Nullable String decodedFrom;
    private final @Nullable String undecodable;
    private @Nullable JsonNode json;

    Response(Exchange exchange, ClientSettings settings, List<Response> redirects) {
        this(exchange, settings, redirects, null);
    }

    /** A redirect that was not followed, with why (another origin, another scheme). */
    Response(Exchange exchange, ClientSettings settings, List<Response> redirects, @Nullable String notFollowed) {
        this.exchange = exchange;
        this.settings = settings;
        this.redirects = redirects;
        this.notFollowed = notFollowed;
        ContentDecoding.Decoded decoded = ContentDecoding.decode(exchange.headers(), exchange.body(),
                settings.limits().maxBodyBytes());
        this.body = decoded.body();
        this.decodedFrom = decoded.codings();
        this.undecodable = decoded.problem();
    }

    @Override
    Exchange head() {
        return exchange;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The body as text, decoded by the response's charset (UTF-8 when it names none), after undoing a
     * {@code Content-Encoding} (gzip, deflate).
     *
     * <pre>{@code response.text()   // "{\"id\":3}"}</pre>
     *
     * @return the text
     * @throws AssertionError when the body's Content-Encoding cannot be undone (corrupt, unknown, or
     *     decoding past the client's body limit)
     */
    public String text() {
        return new String(content("text()"), BodyText.charset(header("Content-Type")));
    }

    /**
     * The body bytes, after undoing a {@code Content-Encoding} (gzip, deflate), as a browser sees them.
     *
     * <pre>{@code response.bytes().length}</pre>
     *
     * @return a copy of the body
     * @throws AssertionError when the body's Content-Encoding cannot be undone
     */
    public byte[] bytes() {
        return content("bytes()").clone();
    }

    /**
     * The body bytes as they came over the wire: still compressed when the response has a
     * {@code Content-Encoding} (chunked framing removed).
     *
     * <pre>{@code response.rawBytes()   // the gzip bytes of a Content-Encoding: gzip response}</pre>
     *
     * @return a copy of the body as received
     */
    public byte[] rawBytes() {
        return exchange.body();
    }

    /**
     * A trailer field of a chunked body (sent after the body, as a checksum often is).
     *
     * <pre>{@code response.trailer("X-Checksum")   // "sha256=...", or null}</pre>
     *
     * @param name the field name (any case)
     * @return its first value, or null when the body had no such trailer
     */
    public @Nullable String trailer(String name) {
        return exchange.trailer(name);
    }

    /**
     * All trailer fields of a chunked body.
     *
     * <pre>{@code response.trailers().names()}</pre>
     *
     * @return the trailers; empty when there were none
     */
    public Headers trailers() {
        return exchange.trailers();
    }

    /**
     * Which {@code Content-Encoding} was undone to read the body, if one was.
     *
     * <pre>{@code response.decodedFrom()   // "gzip", or null for a body sent as is}</pre>
     *
     * @return the coding(s) as the header names them, or null
     */
    public @Nullable String decodedFrom() {
        return decodedFrom;
    }

    /**
     * The body as a JSON tree.
     *
     * <pre>{@code response.json().get("items").size()}</pre>
     *
     * @return the root node
     * @throws AssertionError when the body is empty or not JSON, showing the exchange
     */
    public JsonNode json() {
        return parsed("json()");
    }

    /**
     * The JSON value at an RFC 6901 pointer.
     *
     * <pre>{@code response.json("/owner/name").asString()}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items/0/id"
     * @return the node
     * @throws AssertionError when there is no value there, saying where the document ends
     */
    public JsonNode json(String pointer) {
        JsonPointer p = Json.pointer(pointer);
        JsonNode root = parsed("json(\"" + pointer + "\")");
        JsonNode node = root.at(p);
        if (node.isMissingNode()) {
            throw fail(Facts.of("expected", "a JSON value at " + pointer).and("but", Json.describeMissing(root, p)));
        }
        return node;
    }

    /**
     * The body read as a type, with the client's JSON mapper.
     *
     * <pre>{@code Item item = response.bodyAs(Item.class);}</pre>
     *
     * @param type the class
     * @param <T> the type
     * @return the value
     * @throws AssertionError when Jackson cannot read the body as that type
     */
    public <T> T bodyAs(Class<T> type) {
        byte[] content = content("bodyAs(" + type.getSimpleName() + ".class)");
        try {
            return settings.mapper().readValue(content, type);
        } catch (JacksonException e) {
            throw unreadable(type.getName(), e, type);
        }
    }

    /**
     * The body read as a generic type.
     *
     * <pre>{@code List<Item> items = response.bodyAs(new TypeReference<List<Item>>() {});}</pre>
     *
     * @param type the type
     * @param <T> the type
     * @return the value
     * @throws AssertionError when Jackson cannot read the body as that type
     */
    public <T> T bodyAs(TypeReference<T> type) {
        byte[] content = content("bodyAs(TypeReference)");
        try {
            return settings.mapper().readValue(content, type);
        } catch (JacksonException e) {
            throw unreadable(type.getType().getTypeName(), e, type.getType());
        }
    }

    /**
     * The JSON value at a pointer, read as a type.
     *
     * <pre>{@code Owner owner = response.bodyAs("/owner", Owner.class);}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/owner"
     * @param type the class
     * @param <T> the type
     * @return the value
     * @throws AssertionError when there is no value there, or Jackson cannot read it as that type
     */
    public <T> T bodyAs(String pointer, Class<T> type) {
        JsonNode node = json(pointer);
        try {
            return settings.mapper().treeToValue(node, type);
        } catch (JacksonException e) {
            throw unreadable(type.getName() + " at " + pointer, e, type);
        }
    }

    /**
     * The JSON value at a pointer, read as a generic type.
     *
     * <pre>{@code List<Item> items = response.bodyAs("/items", new TypeReference<List<Item>>() {});}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items"
     * @param type the type
     * @param <T> the type
     * @return the value
     * @throws AssertionError when there is no value there, or Jackson cannot read it as that type
     */
    public <T> T bodyAs(String pointer, TypeReference<T> type) {
        JsonNode node = json(pointer);
        try {
            return settings.mapper().readValue(settings.mapper().treeAsTokens(node), type);
        } catch (JacksonException e) {
            throw unreadable(type.getType().getTypeName() + " at " + pointer, e, type.getType());
        }
    }

    /**
     * The exception that escaped the app while it handled this request, when the client returns
     * server exceptions as responses ({@link TestClient#withServerExceptionsAsResponses()}).
     *
     * <pre>{@code response.serverException()   // IllegalStateException: boom}</pre>
     *
     * @return the exception, or null
     */
    public @Nullable Throwable serverException() {
        return exchange.serverException();
    }

    /**
     * The recorded exchange: the request as sent, the response, timings, the app's log lines.
     *
     * <pre>{@code response.exchange().request().toCurl("http://localhost:8080")}</pre>
     *
     * @return the exchange
     */
    public Exchange exchange() {
        return exchange;
    }

    /**
     * The redirects followed to get here, oldest first; empty when there were none.
     *
     * <pre>{@code response.redirects().get(0).expectStatus(303)}</pre>
     *
     * @return the earlier responses
     */
    public List<Response> redirects() {
        return redirects;
    }

    /**
     * How long the request took, from its first byte written to its last byte read.
     *
     * <pre>{@code response.elapsed()}</pre>
     *
     * @return the duration
     */
    public Duration elapsed() {
        return exchange.elapsed();
    }

    // ---------------------------------------------------------------- expectations on the body

    /**
     * Expects the JSON value at a pointer to equal a value, compared as JSON: {@code 3}, {@code 3L} and
     * {@code 3.0} are equal; lists, maps, records and {@code JsonNode}s are converted with the client's
     * mapper. The pointer {@code ""} compares the whole document.
     *
     * <pre>{@code
     * response.expectJson("/items/0/id", 1)
     *         .expectJson("/tags", List.of("a", "b"))
     *         .expectJson("", Map.of("id", 1, "tags", List.of("a", "b")));
     * }</pre>
     *
     * @param pointer "" for the whole document, or an RFC 6901 pointer such as "/items/0/id"
     * @param expected the value (anything Jackson serializes; null for JSON null)
     * @return this response
     */
    public Response expectJson(String pointer, @Nullable Object expected) {
        Json.pointer(pointer);
        JsonNode root = parsedForCheck("expectJson(\"" + pointer + "\", ...)");
        return root == null ? this : check(Expectations.json(settings.mapper(), root, pointer, expected, ""));
    }

    /**
     * Expects the JSON value at a pointer to match a value under a comparison: strictly, or leniently
     * (extra members allowed, array order ignored where asked). A mismatch lists every difference by
     * pointer.
     *
     * <pre>{@code
     * response.expectJson("", Map.of("id", 3, "tags", List.of("b", "a")),
     *         JsonComparison.lenient().withArrayOrderIgnoredAt("/tags"));
     * }</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/owner"
     * @param expected the value (anything Jackson serializes)
     * @param how strict or lenient, and where array order does not matter
     * @return this response
     */
    public Response expectJson(String pointer, @Nullable Object expected, JsonComparison how) {
        Json.pointer(pointer);
        requireComparison(how);
        JsonNode root = parsedForCheck("expectJson(\"" + pointer + "\", ...)");
        return root == null ? this : check(Expectations.json(settings.mapper(), root, pointer, expected, how.rules(), ""));
    }

    /**
     * Expects the JSON value at a pointer to satisfy a predicate.
     *
     * <pre>{@code response.expectJsonMatching("/items", items -> items.size() == 3)}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items"
     * @param predicate true for an acceptable value
     * @return this response
     */
    public Response expectJsonMatching(String pointer, Predicate<JsonNode> predicate) {
        return expectJsonMatching(pointer, "a value matching the predicate", predicate);
    }

    /**
     * Expects the JSON value at a pointer to satisfy a predicate, described for the failure message.
     *
     * <pre>{@code response.expectJsonMatching("/items", "three items", items -> items.size() == 3)}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items"
     * @param description what the predicate checks
     * @param predicate true for an acceptable value
     * @return this response
     */
    public Response expectJsonMatching(String pointer, String description, Predicate<JsonNode> predicate) {
        Json.pointer(pointer);
        JsonNode root = parsedForCheck("expectJsonMatching(\"" + pointer + "\", ...)");
        return root == null ? this : check(Expectations.jsonMatching(root, pointer, description, predicate, ""));
    }

    /**
     * Expects the body, as text, to equal a text.
     *
     * <pre>{@code response.expectBody("Hello, world")}</pre>
     *
     * @param expected the whole body
     * @return this response
     */
    public Response expectBody(String expected) {
        if (undecodable != null) {
            return check(Expectations.Mismatch.of(Facts.of("expected body", Expectations.quote(expected))
                    .and("but", undecodable)));
        }
        String actual = text();
        return check(Expectations.text("body", expected, actual, Expectations.quote(expected),
                Expectations.quote(BodyText.cut(actual))));
    }

    /**
     * Expects the body, as text, to contain a text.
     *
     * <pre>{@code response.expectBodyContains("<h1>Items</h1>")}</pre>
     *
     * @param expected the part
     * @return this response
     */
    public Response expectBodyContains(String expected) {
        if (undecodable != null) {
            return check(Expectations.Mismatch.of(Facts.of("expected body containing", Expectations.quote(expected))
                    .and("but", undecodable)));
        }
        String actual = text();
        return check(Expectations.contains("body", expected, actual, Expectations.quote(BodyText.cut(actual))));
    }

    /**
     * Expects the response (its status, the headers that matter, and its body: JSON canonically
     * pretty-printed, text as text, binary as a digest) to match the test's snapshot. The first run
     * writes it to {@code __snapshots__/<TestClass>.snap} beside the test's source and passes with a note;
     * later runs compare, and a difference fails listing what changed (for JSON, by pointer) with both
     * versions attached for an IDE's diff. {@code -Dtestlet.snapshots=update} rewrites it; on CI (the
     * {@code CI} variable set) a missing snapshot fails. Volatile parts are redacted first: the
     * {@code Date} header and session cookies by default, more with the client's
     * {@link TestClient#withRedactedJson}, {@link TestClient#withRedactedHeaders} and
     * {@link TestClient#withRedactedText}.
     *
     * <pre>{@code
     * client.withRedactedJson("/id", "/createdAt")
     *       .given().jsonBody(item).post("/items")
     *       .expectStatus(201)
     *       .expectSnapshot();
     * }</pre>
     *
     * @return this response
     * @throws IllegalStateException outside a test run with the JUnit extension (it names the snapshot)
     */
    public Response expectSnapshot() {
        return snapshot(null);
    }

    /**
     * Like {@link #expectSnapshot()}, under a name of its own (unique within the test), for a test that
     * takes several.
     *
     * <pre>{@code client.given().get("/items/1").expectSnapshot("after update");}</pre>
     *
     * @param name the snapshot's name in the test's file
     * @return this response
     */
    public Response expectSnapshot(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("expectSnapshot needs a name that is not blank; use expectSnapshot()"
                    + " for a numbered one");
        }
        return snapshot(name);
    }

    private Response snapshot(@Nullable String name) {
        SnapshotSession session = TestBinding.snapshots("response.expectSnapshot()");
        Rendering rendering = new SnapshotRenderer(settings.mapper()).response(exchange, settings.snapshotRedactions());
        try {
            session.check(name, rendering);
        } catch (AssertionError e) {
            settings.scope().raise(e);
        }
        return this;
    }

    /**
     * The exchange, as failures print it.
     *
     * @return the request, the response, the server's side and a curl line
     */
    @Override
    public String toString() {
        return formatter().format(exchange);
    }

    // ---------------------------------------------------------------- helpers

    ExchangeFormatter formatter() {
        return settings.formatter();
    }

    /** The decoded body, or a failure when it could not be decoded. */
    private byte[] content(String call) {
        if (undecodable != null) {
            throw fail(Facts.of("expected", "a body " + call + " can read").and("but", undecodable));
        }
        return body;
    }

    private JsonNode parsed(String call) {
        Facts problem = notJson(call);
        if (problem != null) {
            throw fail(problem);
        }
        return java.util.Objects.requireNonNull(json);
    }

    /** The body as JSON, or null (after raising the failure, softly when collecting) when it is not. */
    private @Nullable JsonNode parsedForCheck(String call) {
        Facts problem = notJson(call);
        if (problem != null) {
            check(problem);
            return null;
        }
        return json;
    }

    /** Parses the body once; returns why it is not JSON, or null. */
    private @Nullable Facts notJson(String call) {
        if (json != null) {
            return null;
        }
        if (undecodable != null) {
            return Facts.of("expected", "a JSON body for " + call).and("but", undecodable);
        }
        if (body.length == 0) {
            return Facts.of("expected", "a JSON body for " + call).and("but", "the response has no body");
        }
        try {
            json = settings.mapper().readTree(body);
            return null;
        } catch (JacksonException e) {
            return Facts.of("expected", "a JSON body for " + call)
                    .and("but", "the body is not JSON: " + Json.why(e))
                    .and("content type", String.valueOf(header("Content-Type")))
                    .and("to read it as text", "response.text()");
        }
    }

    static void requireComparison(@Nullable JsonComparison how) {
        if (how == null) {
            throw new IllegalArgumentException("expectJson needs a comparison, such as JsonComparison.lenient();"
                    + " for a strict one, leave it out");
        }
    }

    private AssertionError unreadable(String type, JacksonException e, java.lang.reflect.Type requested) {
        return fail(KotlinModuleHint.addTo(Facts.of("expected", "a body Jackson can read as " + type)
                .and("but", Json.why(e)), settings.mapper(), e, requested)
                .and("to look at it", "response.json() or response.text()"));
    }

    @Override
    void raise(Expectations.Mismatch mismatch) {
        settings.scope().raise(withRequest(mismatch.facts()), context(), mismatch.withValues(), mismatch.expected(),
                mismatch.actual());
    }

    /** A failure of a read (not an expectation): always thrown. */
    private AssertionError fail(Facts facts) {
        return Failures.of(withRequest(facts), context());
    }

    private Facts withRequest(Facts facts) {
        facts.and("request", exchange.request().method() + " " + exchange.request().target());
        if (!redirects.isEmpty()) {
            facts.and("after redirects", ExchangeFormatter.summary(redirects.stream().map(Response::exchange).toList()).strip());
        }
        if (notFollowed != null) {
            facts.and("redirect", notFollowed);
        }
        return facts;
    }

    private String context() {
        return formatter().format(exchange);
    }
}
