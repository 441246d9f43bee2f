package dev.testlet.engine.internal.http;

import dev.testlet.engine.Headers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.jspecify.annotations.Nullable;

/**
 * Parses one HTTP response with Jetty's own {@link HttpParser}, fed chunk by chunk as the bytes
 * arrive: Content-Length, chunked and close-delimited bodies, HEAD responses, and interim {@code 1xx}
 * responses (skipped, except {@code 101 Switching Protocols}, which ends the message).
 *
 * <p>Body bytes go to a {@link Sink}: accumulated for an ordinary exchange, handed on as they come for
 * a stream.
 */
public final class ResponseReader implements HttpParser.ResponseHandler {

    /** Where the body goes. */
    public interface Sink {
        /**
         * Takes body bytes as they are parsed.
         *
         * @param chunk the bytes; valid only during the call
         */
        void content(ByteBuffer chunk);
    }

    /** Where response bytes come from (a wire). */
    public interface Source {
        /**
         * Waits for bytes.
         *
         * @param deadlineNanos when to give up
         * @return bytes; an empty buffer at the end of the connection; null at the deadline
         * @throws InterruptedException if interrupted
         */
        @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException;
    }

    private final HttpParser parser;
    private final Bytes accumulated;
    private final Sink sink;
    private @Nullable HttpVersion version;
    private int status;
    private String reason = "";
    private List<Headers.Header> headers = new ArrayList<>(8);
    private boolean headerComplete;
    private boolean complete;
    private boolean persistent = true;
    private @Nullable String failure;
    private long received;
    /** A view of the first bytes received, for a timeout report; the wires hand out fresh buffers, so no copy is needed. */
    private @Nullable ByteBuffer head;
    private ByteBuffer leftover = ByteBuffer.allocate(0);

    /**
     * A reader that keeps the body.
     *
     * @param head whether the request was a HEAD (so the response has no body)
     */
    public ResponseReader(boolean head) {
        this(head, null);
    }

    /**
     * A reader that hands the body on as it comes.
     *
     * @param head whether the request was a HEAD
     * @param sink where body bytes go; null to keep them
     */
    public ResponseReader(boolean head, @Nullable Sink sink) {
        this.parser = new HttpParser(this);
        this.parser.setHeadResponse(head);
        this.accumulated = new Bytes(sink == null ? 256 : 16);
        this.sink = sink == null ? chunk -> accumulated.put(chunk) : sink;
    }

    /**
     * Parses what arrived.
     *
     * @return bytes after the end of the message (the start of WebSocket frames after a 101), or
     *     null while the message is incomplete
     */
    public @Nullable ByteBuffer feed(ByteBuffer chunk) {
        if (head == null && chunk.hasRemaining()) {
            head = chunk.duplicate();
        }
        received += chunk.remaining();
        while (true) {
            int before = chunk.position();
            parser.parseNext(chunk);
            if (failure != null) {
                return null;
            }
            if (complete) {
                if (status >= 100 && status < 200 && status != 101) {
                    resetForFinalResponse();
                    if (chunk.hasRemaining()) {
                        continue;
                    }
                    return null;
                }
                return chunk.slice();
            }
            if (!chunk.hasRemaining() || chunk.position() == before) {
                return null;
            }
        }
    }

    /**
     * Reads from a source until the message ends (complete, cut short, or not HTTP).
     *
     * @param wire where the bytes come from
     * @param deadlineNanos when to give up
     * @return false when the deadline passed first
     * @throws InterruptedException if the reading thread is interrupted
     */
    public boolean readFrom(Source wire, long deadlineNanos) throws InterruptedException {
        while (true) {
            ByteBuffer chunk = wire.read(deadlineNanos);
            if (chunk == null) {
                return false;
            }
            if (!chunk.hasRemaining()) {
                eof();
                return true;
            }
            ByteBuffer rest = feed(chunk);
            if (rest != null) {
                leftover = rest;
                return true;
            }
            if (failure != null) {
                return true;
            }
        }
    }

    /** Bytes that arrived after the end of the message (the first WebSocket frames after a 101). */
    public ByteBuffer leftover() {
        return leftover;
    }

    /** The connection ended: completes a close-delimited body, or marks the message cut short. */
    public void eof() {
        if (complete) {
            return;
        }
        parser.atEOF();
        parser.parseNext(ByteBuffer.allocate(0));
        if (!complete && failure == null) {
            earlyEOF();
        }
    }

    public boolean isComplete() {
        return complete;
    }

    public boolean isHeaderComplete() {
        return headerComplete;
    }

    /** Whether the connection may carry another request after this response. */
    public boolean isPersistent() {
        return persistent && complete && failure == null;
    }

    public @Nullable String failure() {
        return failure;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Headers headers() {
        return Headers.of(headers);
    }

    public byte[] body() {
        return accumulated.toByteArray();
    }

    public long received() {
        return received;
    }

    /** The first bytes received (up to 512), for a timeout report. */
    public String receivedPreview() {
        ByteBuffer first = head;
        if (received == 0 || first == null) {
            return "nothing";
        }
        int length = Math.min(first.remaining(), 512);
        byte[] bytes = new byte[length];
        first.duplicate().get(bytes);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        return received + " bytes: " + (length < received ? text + "..." : text);
    }

    private void resetForFinalResponse() {
        parser.reset();
        headers = new ArrayList<>(8);
        headerComplete = false;
        complete = false;
        status = 0;
        reason = "";
    }

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.version = version;
        this.status = status;
        this.reason = reason == null ? "" : reason;
        if (version == HttpVersion.HTTP_1_0) {
            persistent = false;
        }
    }

    @Override
    public void parsedHeader(HttpField field) {
        headers.add(new Headers.Header(field.getName(), field.getValue()));
        if (field.getHeader() == HttpHeader.CONNECTION && field.contains(HttpHeaderValue.CLOSE.asString())) {
            persistent = false;
        }
    }

    @Override
    public boolean headerComplete() {
        headerComplete = true;
        return false;
    }

    @Override
    public boolean content(ByteBuffer item) {
        sink.content(item);
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        complete = true;
        return true;
    }

    @Override
    public void earlyEOF() {
        failure = received == 0
                ? "the server closed the connection without sending a response"
                : "the server closed the connection before the response was complete";
    }

    @Override
    public void badMessage(HttpException bad) {
        failure = "the response is not valid HTTP: " + bad.getReason();
    }
}
