package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.internal.Facts;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The status line and headers of a response, and the checks on them, written once for every kind of
 * response: a finished {@link Response}, a live {@link EventStream} or {@link StreamingResponse} (whose
 * headers are in before any body), and the handshake of a {@link WebSocketSession}. Every
 * {@code expect...} returns the object it was called on, so checks chain; inside
 * {@link TestClient#softly} a failed one is collected instead of thrown.
 *
 * <pre>{@code
 * response.expectStatus(201).expectHeader("Location", "/items/3").expectContentType("application/json");
 * events.expectStatus(200).expectNoHeader("Content-Length");
 * ws.expectHeader("Sec-WebSocket-Protocol", "chat");
 * }</pre>
 *
 * @param <S> the type the checks return
 */
public abstract sealed class ResponseHead<S extends ResponseHead<S>>
        permits Response, EventStream, StreamingResponse, WebSocketSession {

    ResponseHead() {}

    /** The status line and headers as an exchange (for a live response, with the body read so far). */
    abstract Exchange head();

    /**
     * Reports a failed expectation: adds what the type knows (the request, redirects) to the facts and
     * the context a failure shows, then throws, or collects it inside {@code softly}.
     */
    abstract void raise(Expectations.Mismatch mismatch);

    @SuppressWarnings("unchecked")
    final S self() {
        return (S) this;
    }

    /** Raises the mismatch, if any, and returns this for chaining. */
    final S check(Expectations.@Nullable Mismatch mismatch) {
        if (mismatch != null) {
            raise(mismatch);
        }
        return self();
    }

    /** Raises a failure made of facts only. */
    final S check(Facts facts) {
        raise(Expectations.Mismatch.of(facts));
        return self();
    }

    /**
     * The status code.
     *
     * <pre>{@code response.status()   // 200}</pre>
     *
     * @return the status
     */
    public int status() {
        return head().status();
    }

    /**
     * The first value of a response header.
     *
     * <pre>{@code response.header("Location")   // "/items/3"}</pre>
     *
     * @param name the header name, any case
     * @return the value, or null when there is no such header
     */
    public @Nullable String header(String name) {
        return head().headers().first(name);
    }

    /**
     * The response headers.
     *
     * <pre>{@code response.headers().all("Set-Cookie")}</pre>
     *
     * @return the headers, in order
     */
    public Headers headers() {
        return head().headers();
    }

    /**
     * The value a {@code Set-Cookie} of this response gives a cookie (the last one, when set twice).
     *
     * <pre>{@code response.cookie("JSESSIONID")}</pre>
     *
     * @param name the cookie name
     * @return the value, or null when the response does not set it
     */
    public @Nullable String cookie(String name) {
        return Expectations.cookie(headers(), name);
    }

    /**
     * Expects a status code.
     *
     * <pre>{@code
     * response.expectStatus(201);
     * // expected status : 201
     * // but was         : 400 Bad Request
     * }</pre>
     *
     * @param expected the status
     * @return this
     */
    public final S expectStatus(int expected) {
        return check(Expectations.status(expected, status(), head().statusLine()));
    }

    /**
     * Expects a header to have a value (any of its values, when it repeats).
     *
     * <pre>{@code response.expectHeader("Cache-Control", "no-store")}</pre>
     *
     * @param name the header name, any case
     * @param expected the value
     * @return this
     */
    public final S expectHeader(String name, String expected) {
        return check(Expectations.header(headers(), name, expected));
    }

    /**
     * Expects a header to have a value that satisfies a predicate.
     *
     * <pre>{@code response.expectHeaderMatching("ETag", etag -> etag.startsWith("W/"))}</pre>
     *
     * @param name the header name, any case
     * @param predicate true for an acceptable value
     * @return this
     */
    public final S expectHeaderMatching(String name, Predicate<String> predicate) {
        return expectHeaderMatching(name, "a value matching the predicate", predicate);
    }

    /**
     * Expects a header to have a value that satisfies a predicate, described for the failure message.
     *
     * <pre>{@code response.expectHeaderMatching("ETag", "a weak ETag", etag -> etag.startsWith("W/"))}</pre>
     *
     * @param name the header name, any case
     * @param description what the predicate checks
     * @param predicate true for an acceptable value
     * @return this
     */
    public final S expectHeaderMatching(String name, String description, Predicate<String> predicate) {
        return check(Expectations.headerMatching(headers(), name, description, predicate));
    }

    /**
     * Expects a header to be absent.
     *
     * <pre>{@code response.expectNoHeader("Set-Cookie")}</pre>
     *
     * @param name the header name, any case
     * @return this
     */
    public final S expectNoHeader(String name) {
        return check(Expectations.noHeader(headers(), name));
    }

    /**
     * Expects a content type. Without parameters only the media type is compared
     * ({@code application/json} matches {@code application/json;charset=utf-8}); with parameters,
     * they are compared too.
     *
     * <pre>{@code response.expectContentType("application/json")}</pre>
     *
     * @param expected the content type
     * @return this
     */
    public final S expectContentType(String expected) {
        return check(Expectations.contentType(headers(), expected));
    }

    /**
     * Expects the response to set a cookie to a value.
     *
     * <pre>{@code response.expectCookie("theme", "dark")}</pre>
     *
     * @param name the cookie name
     * @param expected the value
     * @return this
     */
    public final S expectCookie(String name, String expected) {
        return check(Expectations.cookie(headers(), name, expected));
    }
}
