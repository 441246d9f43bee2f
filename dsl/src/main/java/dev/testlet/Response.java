package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.internal.BodyText;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Json;
import java.net.HttpCookie;
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
 * exception and log lines, and a curl line to replay it).
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
public final class Response {

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

    // ---------------------------------------------------------------- reading

    /**
     * The status code.
     *
     * <pre>{@code int code = response.status();   // 201}</pre>
     *
     * @return the status code
     */
    public int status() {
        return exchange.status();
    }

    /**
     * The first value of a response header.
     *
     * <pre>{@code response.header("Location")   // "/items/3"}</pre>
     *
     * @param name the header name, any case
     * @return the value, or null when the response has no such header
     */
    public @Nullable String header(String name) {
        return exchange.headers().first(name);
    }

    /**
     * All response headers, in order.
     *
     * <pre>{@code response.headers().all("Set-Cookie")}</pre>
     *
     * @return the headers
     */
    public Headers headers() {
        return exchange.headers();
    }

    /**
     * The body as text, decoded with the charset of its {@code Content-Type} (UTF-8 when none is named).
     *
     * <pre>{@code response.text()   // "héllo"}</pre>
     *
     * @return the text; empty when there is no body
     */
    public String text() {
        return new String(body, BodyText.charset(header("Content-Type")));
    }

    /**
     * The raw body bytes.
     *
     * <pre>{@code byte[] png = response.bytes();}</pre>
     *
     * @return a copy of the bytes
     */
    public byte[] bytes() {
        return body.clone();
    }

    /**
     * The body parsed as JSON.
     *
     * <pre>{@code response.json().get("items").size()}</pre>
     *
     * @return the JSON tree
     * @throws AssertionError if the body is not JSON, showing the exchange
     */
    public JsonNode json() {
        return parsed("json()");
    }

    /**
     * The JSON value at a pointer (RFC 6901).
     *
     * <pre>{@code int id = response.json("/items/0/id").asInt();}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items/0/id"
     * @return the value there
     * @throws AssertionError if the body is not JSON or has no value there
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
     * The body read as an object with Jackson.
     *
     * <pre>{@code Item item = response.bodyAs(Item.class);}</pre>
     *
     * @param type the class to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError if Jackson cannot read the body as that type, showing why and the exchange
     */
    public <T> T bodyAs(Class<T> type) {
        try {
            return settings.mapper().readValue(body, type);
        } catch (JacksonException e) {
            throw unreadable(type.getName(), e);
        }
    }

    /**
     * The body read as a generic type, such as a list of records.
     *
     * <pre>{@code
     * List<Item> items = response.bodyAs(new TypeReference<List<Item>>() {});
     * // Kotlin: response.bodyAs(object : TypeReference<List<Item>>() {})
     * }</pre>
     *
     * @param type the type to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError if Jackson cannot read the body as that type
     */
    public <T> T bodyAs(TypeReference<T> type) {
        try {
            return settings.mapper().readValue(body, type);
        } catch (JacksonException e) {
            throw unreadable(type.getType().getTypeName(), e);
        }
    }

    /**
     * The JSON value at a pointer, read as an object with Jackson.
     *
     * <pre>{@code Owner owner = response.bodyAs("/owner", Owner.class);}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/owner"
     * @param type the class to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError if there is no value there, or Jackson cannot read it as that type
     */
    public <T> T bodyAs(String pointer, Class<T> type) {
        JsonNode node = json(pointer);
        try {
            return settings.mapper().treeToValue(node, type);
        } catch (JacksonException e) {
            throw unreadable(type.getName() + " at " + pointer, e);
        }
    }

    /**
     * The JSON value at a pointer, read as a generic type.
     *
     * <pre>{@code List<Item> items = response.bodyAs("/items", new TypeReference<List<Item>>() {});}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items"
     * @param type the type to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError if there is no value there, or Jackson cannot read it as that type
     */
    public <T> T bodyAs(String pointer, TypeReference<T> type) {
        JsonNode node = json(pointer);
        try {
            return settings.mapper().readValue(settings.mapper().treeAsTokens(node), type);
        } catch (JacksonException e) {
            throw unreadable(type.getType().getTypeName() + " at " + pointer, e);
        }
    }

    /**
     * The value of a cookie this response set with {@code Set-Cookie}.
     *
     * <pre>{@code response.cookie("JSESSIONID")}</pre>
     *
     * @param name the cookie name
     * @return the value, or null when this response did not set it
     */
    public @Nullable String cookie(String name) {
        String value = null;
        for (String header : headers().all("Set-Cookie")) {
            for (HttpCookie c : parseCookies(header)) {
                if (c.getName().equals(name)) {
                    value = c.getValue();
                }
            }
        }
        return value;
    }

    /**
     * The exception that escaped the app while it handled this request, if any (only seen when the
     * client returns responses for server exceptions; see {@link TestClient#withServerExceptionsAsResponses()}).
     *
     * <pre>{@code response.serverException()   // IllegalStateException: boom}</pre>
     *
     * @return the exception, or null
     */
    public @Nullable Throwable serverException() {
        return exchange.serverException();
    }

    /**
     * The recorded exchange: the request as sent, the response as received, timings.
     *
     * <pre>{@code response.exchange().request().toCurl("http://localhost:8080")}</pre>
     *
     * @return the exchange
     */
    public Exchange exchange() {
        return exchange;
    }

    /**
     * The redirects followed to reach this response, oldest first; empty when there were none.
     *
     * <pre>{@code response.redirects().get(0).expectStatus(302).expectHeader("Location", "/login")}</pre>
     *
     * @return the earlier responses
     */
    public List<Response> redirects() {
        return redirects;
    }

    /**
     * How long the exchange took, from the first request byte to the last response byte.
     *
     * <pre>{@code response.elapsed().toMillis()}</pre>
     *
     * @return the duration
     */
    public Duration elapsed() {
        return exchange.elapsed();
    }

    // ---------------------------------------------------------------- expectations

    /**
     * Expects a status code.
     *
     * <pre>{@code response.expectStatus(201)}</pre>
     *
     * @param expected the status
     * @return this response
     */
    public Response expectStatus(int expected) {
        return check(HeadExpectations.status(expected, status(), exchange.statusLine()));
    }

    /**
     * Expects a header to have a value (any of its values, when it repeats).
     *
     * <pre>{@code response.expectHeader("Location", "/items/3")}</pre>
     *
     * @param name the header name, any case
     * @param expected the value
     * @return this response
     */
    public Response expectHeader(String name, String expected) {
        return check(HeadExpectations.header(headers(), name, expected));
    }

    /**
     * Expects a header value to satisfy a predicate.
     *
     * <pre>{@code response.expectHeaderMatching("ETag", etag -> etag.startsWith("W/"))}</pre>
     *
     * @param name the header name, any case
     * @param predicate true for an acceptable value
     * @return this response
     */
    public Response expectHeaderMatching(String name, Predicate<String> predicate) {
        return expectHeaderMatching(name, "a value matching the predicate", predicate);
    }

    /**
     * Expects a header value to satisfy a predicate, described for the failure message.
     *
     * <pre>{@code response.expectHeaderMatching("ETag", "a weak ETag", etag -> etag.startsWith("W/"))}</pre>
     *
     * @param name the header name, any case
     * @param description what the predicate checks
     * @param predicate true for an acceptable value
     * @return this response
     */
    public Response expectHeaderMatching(String name, String description, Predicate<String> predicate) {
        List<String> values = headers().all(name);
        if (values.stream().noneMatch(predicate)) {
            throw fail(Facts.of("expected header " + name, description).and("but", HeadExpectations.describe(name, values)));
        }
        return this;
    }

    /**
     * Expects a header to be absent.
     *
     * <pre>{@code response.expectNoHeader("Set-Cookie")}</pre>
     *
     * @param name the header name, any case
     * @return this response
     */
    public Response expectNoHeader(String name) {
        List<String> values = headers().all(name);
        if (!values.isEmpty()) {
            throw fail(Facts.of("expected", "no " + name + " header").and("but was", String.join(", ", values)));
        }
        return this;
    }

    /**
     * Expects a content type. Without parameters only the media type is compared
     * ({@code "application/json"} matches {@code application/json;charset=utf-8}); with parameters,
     * all of them are, ignoring case and spaces.
     *
     * <pre>{@code response.expectContentType("text/plain; charset=UTF-8")}</pre>
     *
     * @param expected the content type
     * @return this response
     */
    public Response expectContentType(String expected) {
        return check(HeadExpectations.contentType(headers(), expected));
    }

    /**
     * Expects the JSON value at a pointer (RFC 6901) to equal a value, compared as JSON: numbers by
     * value, objects regardless of field order. The expected value may be anything Jackson
     * serializes: {@code 3}, {@code "pen"}, {@code List.of(1, 2)}, {@code Map.of("id", 3)}, a record,
     * a {@link JsonNode}, or null for JSON {@code null}.
     *
     * <pre>{@code
     * response.expectJson("/items/0/id", 1)
     *         .expectJson("/tags", List.of("a", "b"))
     *         .expectJson("", Map.of("ok", true));   // the whole document
     * }</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/items/0/id"
     * @param expected the expected value
     * @return this response
     */
    public Response expectJson(String pointer, @Nullable Object expected) {
        JsonPointer p = Json.pointer(pointer);
        JsonNode expectedNode = Json.toTree(settings.mapper(), expected);
        JsonNode root = parsed("expectJson(\"" + pointer + "\", ...)");
        JsonNode actual = root.at(p);
        String label = "expected JSON at " + (pointer.isEmpty() ? "the root" : pointer);
        if (actual.isMissingNode()) {
            throw fail(Facts.of(label, Json.compact(expectedNode)).and("but", "there is no value there: "
                    + Json.describeMissing(root, p)));
        }
        if (!Json.same(expectedNode, actual)) {
            Facts facts = Facts.of(label, Json.compact(expectedNode)).and("but was", Json.compact(actual));
            if (!expectedNode.getNodeType().equals(actual.getNodeType())) {
                facts.and("note", "expected " + Json.kind(expectedNode) + ", found " + Json.kind(actual));
            }
            throw fail(facts, Json.pretty(expectedNode), Json.pretty(actual));
        }
        return this;
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
     * <pre>{@code response.expectJsonMatching("/id", "a positive id", id -> id.asInt() > 0)}</pre>
     *
     * @param pointer "" for the whole document, or a pointer such as "/id"
     * @param description what the predicate checks
     * @param predicate true for an acceptable value
     * @return this response
     */
    public Response expectJsonMatching(String pointer, String description, Predicate<JsonNode> predicate) {
        JsonNode node = json(pointer);
        if (!predicate.test(node)) {
            throw fail(Facts.of("expected JSON at " + (pointer.isEmpty() ? "the root" : pointer), description)
                    .and("but was", Json.compact(node)));
        }
        return this;
    }

    /**
     * Expects the whole body, as text.
     *
     * <pre>{@code response.expectBody("pong")}</pre>
     *
     * @param expected the text
     * @return this response
     */
    public Response expectBody(String expected) {
        String actual = text();
        if (!actual.equals(expected)) {
            throw fail(Facts.of("expected body", quote(expected)).and("but was", quote(BodyText.cut(actual))),
                    expected, actual);
        }
        return this;
    }

    /**
     * Expects the body to contain a text.
     *
     * <pre>{@code response.expectBodyContains("<title>Items</title>")}</pre>
     *
     * @param expected the text to find
     * @return this response
     */
    public Response expectBodyContains(String expected) {
        String actual = text();
        if (!actual.contains(expected)) {
            throw fail(Facts.of("expected body containing", quote(expected)).and("but was", quote(BodyText.cut(actual))));
        }
        return this;
    }

    /**
     * Expects this response to set a cookie to a value.
     *
     * <pre>{@code response.expectCookie("theme", "dark")}</pre>
     *
     * @param name the cookie name
     * @param expected the value
     * @return this response
     */
    public Response expectCookie(String name, String expected) {
        String actual = cookie(name);
        if (!expected.equals(actual)) {
            List<String> set = headers().all("Set-Cookie").stream()
                    .map(h -> h.contains("=") ? h.substring(0, h.indexOf('=')) : h).toList();
            throw fail(Facts.of("expected cookie " + name, expected)
                    .and("but", actual == null
                            ? (set.isEmpty() ? "the response sets no cookies" : "the response sets only " + set)
                            : "it was set to " + actual), expected, actual);
        }
        return this;
    }

    /**
     * The exchange as failures print it.
     *
     * @return the request, the response and the replay line
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
        JsonNode node = json;
        if (node != null) {
            return node;
        }
        if (body.length == 0) {
            throw fail(Facts.of("expected", "a JSON body for " + call).and("but", "the response has no body"));
        }
        try {
            node = settings.mapper().readTree(body);
        } catch (JacksonException e) {
            throw fail(Facts.of("expected", "a JSON body for " + call)
                    .and("but", "the body is not JSON: " + e.getOriginalMessage())
                    .and("content type", String.valueOf(header("Content-Type")))
                    .and("to read it as text", "response.text()"));
        }
        json = node;
        return node;
    }

    private AssertionError unreadable(String type, JacksonException e) {
        return fail(Facts.of("expected", "a body Jackson can read as " + type)
                .and("but", e.getOriginalMessage())
                .and("to look at it", "response.json() or response.text()"));
    }

    private Response check(HeadExpectations.@Nullable Mismatch mismatch) {
        if (mismatch != null) {
            throw fail(mismatch.facts(), mismatch.expected(), mismatch.actual());
        }
        return this;
    }

    private AssertionError fail(Facts facts) {
        return Failures.of(withRequest(facts), context());
    }

    private AssertionError fail(Facts facts, @Nullable Object expected, @Nullable Object actual) {
        return Failures.of(withRequest(facts), context(), expected, actual);
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

    private static List<HttpCookie> parseCookies(String header) {
        try {
            return HttpCookie.parse("set-cookie:" + header);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
