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
 */
public record Exchange(
        RequestPlan request,
        int status,
        String reason,
        Headers headers,
        byte[] body,
        Duration elapsed,
        @Nullable Throwable serverException,
        List<ServerLogRecord> serverLog) {

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
     */
    public Exchange {
        serverLog = List.copyOf(serverLog);
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
