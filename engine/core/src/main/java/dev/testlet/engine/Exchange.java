package dev.testlet.engine;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One finished request and its response, as recorded by the engine: the request as sent, the
 * response as received, how long it took, and what the server did meanwhile (an exception that
 * escaped the app, its log lines).
 *
 * <pre>{@code
 * Exchange e = response.exchange();
 * e.status();            // 201
 * e.headers().first("Location");
 * e.serverException();   // null, or what the servlet threw
 * e.request().toCurl("http://localhost:8080");
 * }</pre>
 *
 * @param request the plan as sent, with the headers the transport added ({@code Host}, {@code Content-Length})
 * @param status the response status code
 * @param reason the reason phrase, possibly empty
 * @param headers the response headers, in order
 * @param body the response body bytes (chunked encoding removed); read with {@link #body()} or {@link #bodyBuffer()}
 * @param elapsed from writing the first request byte to reading the last response byte
 * @param serverException what escaped the app's filter chain while handling this request, or null
 * @param serverLog log records the app wrote while handling this request
 * @param trailers the trailer fields of a chunked body (empty when it had none); read with {@link #trailer(String)}
 * @param incomplete why the response ended before it was complete, when it did and the exchange was
 *     still returned (the app threw after the response was committed: status, headers and the body
 *     received so far are kept); null for a complete response
 */
public record Exchange(
        RequestPlan request,
        int status,
        String reason,
        Headers headers,
        byte[] body,
        Duration elapsed,
        @Nullable Throwable serverException,
        List<ServerLogRecord> serverLog,
        Headers trailers,
        @Nullable String incomplete) {

    /**
     * Takes ownership of the arrays and lists given; the engine builds exchanges.
     *
     * @param request the request
     * @param status the status
     * @param reason the reason
     * @param headers the headers
     * @param body the body
     * @param elapsed the duration
     * @param serverException the server exception or null
     * @param serverLog the log records
     * @param trailers the trailer fields
     * @param incomplete why the response is incomplete, or null
     */
    public Exchange {
        serverLog = List.copyOf(serverLog);
        if (trailers == null) {
            trailers = Headers.empty();
        }
    }

    /**
     * A complete exchange without trailers.
     *
     * <pre>{@code new Exchange(plan, 200, "OK", Headers.empty(), body, elapsed, null, List.of())}</pre>
     *
     * @param request the request
     * @param status the status
     * @param reason the reason
     * @param headers the headers
     * @param body the body
     * @param elapsed the duration
     * @param serverException the server exception or null
     * @param serverLog the log records
     */
    public Exchange(RequestPlan request, int status, String reason, Headers headers, byte[] body, Duration elapsed,
            @Nullable Throwable serverException, List<ServerLogRecord> serverLog) {
        this(request, status, reason, headers, body, elapsed, serverException, serverLog, Headers.empty(), null);
    }

    /**
     * A trailer field of a chunked body.
     *
     * <pre>{@code exchange.trailer("X-Checksum")   // "sha256=..."}</pre>
     *
     * @param name the field name (any case)
     * @return its first value, or null when the body had no such trailer
     */
    public @Nullable String trailer(String name) {
        return trailers.first(name);
    }

    /**
     * Whether the whole response arrived.
     *
     * <pre>{@code exchange.isComplete()   // false when the app threw after committing the response}</pre>
     *
     * @return true unless the response was cut short ({@link #incomplete()} says why)
     */
    public boolean isComplete() {
        return incomplete == null;
    }

    /**
     * A copy of the body bytes.
     *
     * <pre>{@code new String(exchange.body(), UTF_8)}</pre>
     *
     * @return the body; empty when there was none
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as a read-only buffer, without copying.
     *
     * <pre>{@code exchange.bodyBuffer().remaining()}</pre>
     *
     * @return a read-only view of the body
     */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /**
     * The body length in bytes.
     *
     * <pre>{@code exchange.bodyLength()   // 13}</pre>
     *
     * @return the number of body bytes
     */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The status line, as {@code 404 Not Found}.
     *
     * <pre>{@code exchange.statusLine()   // "201 Created"}</pre>
     *
     * @return status and reason
     */
    public String statusLine() {
        return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }

    @Override
    public String toString() {
        return request.method() + " " + request.target() + " -> " + statusLine();
    }
}
