package dev.testlet.internal.har;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.snapshot.RecordedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One request and what came back, as a HAR entry needs it: a finished exchange, a stream read so far,
 * or a WebSocket session with its messages.
 *
 * <pre>{@code
 * HarEntry.of(exchange, Instant.now());                                    // a finished exchange
 * HarEntry.streamed(start, plan, 200, "OK", headers, bodySoFar, elapsed);  // an SSE stream or chunked body
 * HarEntry.webSocket(start, handshake, 101, "Switching Protocols", headers, messages, elapsed);
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param started when the request was sent
 * @param request the request as sent
 * @param status the response status
 * @param reason the reason phrase, possibly empty
 * @param responseHeaders the response headers
 * @param body the response body (decoded), or what was read of it so far
 * @param elapsed from sending the request to the last byte read
 * @param complete false for a stream that was still open (its body is what was read so far)
 * @param messages WebSocket messages and control frames, in order; empty for plain HTTP
 * @param comment a note for the reader (the server exception, for example), or null
 */
public record HarEntry(Instant started, RequestPlan request, int status, String reason, Headers responseHeaders,
        byte[] body, Duration elapsed, boolean complete, List<RecordedMessage> messages, @Nullable String comment) {

    /**
     * Copies the body and the list.
     *
     * @param started when sent
     * @param request the request
     * @param status the status
     * @param reason the reason
     * @param responseHeaders the headers
     * @param body the body
     * @param elapsed the duration
     * @param complete whether the response was complete
     * @param messages the WebSocket messages
     * @param comment a note or null
     */
    public HarEntry {
        if (started == null || request == null || reason == null || responseHeaders == null || body == null
                || elapsed == null || messages == null) {
            throw new IllegalArgumentException("a HAR entry needs a start time, a request, a reason (empty when"
                    + " none), response headers, a body (empty when none), a duration and a message list");
        }
        body = body.clone();
        messages = List.copyOf(messages);
    }

    /**
     * A finished exchange that ended at {@code finishedAt} (it started {@code elapsed} earlier); a server
     * exception becomes the entry's comment.
     *
     * <pre>{@code HarEntry.of(response.exchange(), recordedAt)}</pre>
     *
     * @param exchange the exchange
     * @param finishedAt when its last byte was read
     * @return the entry
     */
    public static HarEntry of(Exchange exchange, Instant finishedAt) {
        Throwable thrown = exchange.serverException();
        return new HarEntry(finishedAt.minus(exchange.elapsed()), exchange.request(), exchange.status(),
                exchange.reason(), exchange.headers(), exchange.body(), exchange.elapsed(), true, List.of(),
                thrown == null ? null : "the app threw " + thrown);
    }

    /**
     * A streamed response (event stream, chunked body) with the body read so far.
     *
     * <pre>{@code HarEntry.streamed(start, plan, 200, "OK", headers, bodySoFar, elapsed)}</pre>
     *
     * @param started when the request was sent
     * @param request the request
     * @param status the status
     * @param reason the reason phrase
     * @param headers the response headers
     * @param bodySoFar the body bytes read so far
     * @param elapsed until now
     * @return the entry
     */
    public static HarEntry streamed(Instant started, RequestPlan request, int status, String reason, Headers headers,
            byte[] bodySoFar, Duration elapsed) {
        return new HarEntry(started, request, status, reason, headers, bodySoFar, elapsed, false, List.of(),
                "a stream: the body is what the test had read when the file was written");
    }

    /**
     * A WebSocket session: the handshake and the messages both ways.
     *
     * <pre>{@code HarEntry.webSocket(start, handshake, 101, "Switching Protocols", headers, messages, elapsed)}</pre>
     *
     * @param started when the handshake was sent
     * @param handshake the upgrade request
     * @param status the handshake's status (101 when accepted)
     * @param reason the reason phrase
     * @param headers the handshake response headers
     * @param messages the messages and control frames
     * @param elapsed until the session ended (or now)
     * @return the entry
     */
    public static HarEntry webSocket(Instant started, RequestPlan handshake, int status, String reason,
            Headers headers, List<RecordedMessage> messages, Duration elapsed) {
        return new HarEntry(started, handshake, status, reason, headers, new byte[0], elapsed, true, messages, null);
    }

    /**
     * A copy of the body.
     *
     * <pre>{@code entry.body().length}</pre>
     *
     * @return the bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Whether this is a WebSocket session.
     *
     * <pre>{@code entry.isWebSocket()}</pre>
     *
     * @return true when it has messages or was an upgrade
     */
    public boolean isWebSocket() {
        return !messages.isEmpty() || status == 101;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof HarEntry e && started.equals(e.started) && request.equals(e.request) && status == e.status
                && reason.equals(e.reason) && responseHeaders.equals(e.responseHeaders)
                && java.util.Arrays.equals(body, e.body) && elapsed.equals(e.elapsed) && complete == e.complete
                && messages.equals(e.messages) && java.util.Objects.equals(comment, e.comment);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(started, request, status, java.util.Arrays.hashCode(body), messages);
    }

    @Override
    public String toString() {
        return request.method() + " " + request.target() + " -> " + status + (complete ? "" : " (streamed)");
    }
}
