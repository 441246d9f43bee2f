package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.spi.BodyText;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Json;
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
    private @Nullable JsonNode json;

    Response(Exchange exchange, ClientSettings settings, List<Response> redirects) {
        this.exchange = exchange;
        this.settings = settings;
        this.redirects = redirects;
        this.body = exchange.body();
    }

    @Override
    Exchange head() {
        return exchange;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The body as text, decoded by the response's charset (UTF-8 when it names none).
     *
     * <pre>{@code response.text()   // "{\"id\":3}"}</pre>
     *
     * @return the text
     */
    public String text() {
        return new String(body, BodyText.charset(header("Content-Type")));
    }

    /**
     * The body bytes.
     *
     * <pre>{@code response.bytes().length}</pre>
     *
     * @return a copy of the body
     */
    public byte[] bytes() {
        return body.clone();
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
        try {
            return settings.mapper().readValue(body, type);
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
        try {
            return settings.mapper().readValue(body, type);
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
        String actual = text();
        return check(Expectations.contains("body", expected, actual, Expectations.quote(BodyText.cut(actual))));
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
        if (body.length == 0) {
            return Facts.of("expected", "a JSON body for " + call).and("but", "the response has no body");
        }
        try {
            json = settings.mapper().readTree(body);
            return null;
        } catch (JacksonException e) {
            return Facts.of("expected", "a JSON body for " + call)
                    .and("but", "the body is not JSON: " + e.getOriginalMessage())
                    .and("content type", String.valueOf(header("Content-Type")))
                    .and("to read it as text", "response.text()");
        }
    }

    private AssertionError unreadable(String type, JacksonException e, java.lang.reflect.Type requested) {
        return fail(KotlinModuleHint.addTo(Facts.of("expected", "a body Jackson can read as " + type)
                .and("but", e.getOriginalMessage()), settings.mapper(), e, requested)
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
        return facts;
    }

    private String context() {
        return formatter().format(exchange);
    }
}
