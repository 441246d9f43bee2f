package dev.testlet.engine.internal.http;

import dev.testlet.engine.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * arrive: Content-Length, chunked (with trailers) and close-delimited bodies, HEAD responses, and
 * interim {@code 1xx} responses (skipped, except {@code 101 Switching Protocols}, which ends the
 * message).
 *
 * <p>Body bytes go to a {@link Sink}: kept, up to a limit, for an ordinary exchange; handed on as they
 * come for a stream. A body over the limit is not kept: the reader notes its size (announced, or
 * "more than" what came) and says {@link #isOverLimit()}, and the caller drops the connection.
 *
 * <p>Bytes that arrive after the end of a response (other than a 101's) belong to no request: an app
 * wrote after its response was complete. They are counted and their start kept for the report
 * ({@link #extra()}); such a connection must not carry another request.
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

    /** No limit: for streams, whose body is handed on rather than kept. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** How many bytes of a preview (a timeout's, or of bytes for no request) are kept. */
    private static final int PREVIEW_BYTES = 512;

    /** Jetty's parser, made when a message is not plain (see {@link PlainHead}); null until then. */
    private @Nullable HttpParser parser;
    /** Whether a message that is not plain may be parsed by {@link PlainHead} (false only to compare the two). */
    private final boolean plainHeads;
    /** Body bytes still to come of a plain message; -1 when Jetty's parser reads this message (or none began). */
    private long plainRemaining = -1;
    private final @Nullable Bytes accumulated;
    private final @Nullable Sink sink;
    private final long maxBodyBytes;
    private final boolean headRequest;
    private int status;
    private String reason = "";
    private List<Headers.Header> headers = new ArrayList<>(8);
    private @Nullable List<Headers.Header> trailers;
    private boolean headerComplete;
    private boolean complete;
    private boolean persistent = true;
    private @Nullable String failure;
    private long received;
    private long bodyBytes;
    private long declaredLength = -1;
    private boolean overLimit;
    /** A view of the first bytes received, for a timeout report; the wires hand out fresh buffers, so no copy is needed. */
    private @Nullable ByteBuffer head;
    private ByteBuffer leftover = ByteBuffer.allocate(0);
    private long extraBytes;
    private @Nullable Bytes extraStart;
    /** Whether the chunk being parsed is lent only for the call (so what is kept of it is copied). */
    private boolean borrowed;

    /**
     * A reader that keeps the body, up to a limit.
     *
     * @param head whether the request was a HEAD (so the response has no body)
     * @param maxBodyBytes the largest body kept; a bigger one makes the reader {@link #isOverLimit()}
     */
    public ResponseReader(boolean head, long maxBodyBytes) {
        this(head, null, maxBodyBytes);
    }

    /**
     * A reader that hands the body on as it comes.
     *
     * @param head whether the request was a HEAD
     * @param sink where body bytes go
     */
    public ResponseReader(boolean head, Sink sink) {
        this(head, sink, UNLIMITED);
    }

    private ResponseReader(boolean head, @Nullable Sink sink, long maxBodyBytes) {
        this(head, sink, maxBodyBytes, true);
    }

    /**
     * A reader that keeps the body, with or without the plain-head shortcut; for tests that compare
     * the shortcut with Jetty's parser.
     */
    ResponseReader(boolean head, @Nullable Sink sink, long maxBodyBytes, boolean plainHeads) {
        this.plainHeads = plainHeads && !head;
        this.headRequest = head;
        this.sink = sink;
        this.accumulated = sink == null ? new Bytes(256) : null;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Parses what arrived.
     *
     * @return bytes after the end of the message (the start of WebSocket frames after a 101), or
     *     null while the message is incomplete
     */
    public @Nullable ByteBuffer feed(ByteBuffer chunk) {
        if (head == null && chunk.hasRemaining()) {
            head = borrowed ? copyOf(chunk, PREVIEW_BYTES) : chunk.duplicate();
        }
        received += chunk.remaining();
        if (complete && parser == null) {
            return chunk.slice(); // after a plain message, as after Jetty's parser's end
        }
        if (plainRemaining >= 0 || (parser == null && plainHeads && plainStart(chunk))) {
            return plainBody(chunk);
        }
        HttpParser parser = parser();
        while (true) {
            int before = chunk.position();
            parser.parseNext(chunk);
            if (failure != null || overLimit) {
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
     * Takes bytes the server wrote on this connection, whether the response is still coming or is
     * complete (then they belong to no request, see {@link #extra()}).
     *
     * @param chunk the bytes; consumed
     */
    public void drain(ByteBuffer chunk) {
        if (complete && status != 101) {
            noteExtra(chunk);
            return;
        }
        if (overLimit || failure != null) {
            chunk.position(chunk.limit());
            return;
        }
        ByteBuffer rest = feed(chunk);
        if (rest != null && rest.hasRemaining()) {
            if (status == 101) {
                leftover = borrowed ? copyOf(rest, rest.remaining()) : rest;
            } else {
                noteExtra(rest);
            }
        }
    }

    private HttpParser parser() {
        HttpParser p = parser;
        if (p == null) {
            p = new HttpParser(this);
            p.setHeadResponse(headRequest);
            parser = p;
        }
        return p;
    }

    /** Reports a plain head ({@link PlainHead}) as Jetty's parser would; false when the message is not plain. */
    private boolean plainStart(ByteBuffer chunk) {
        PlainHead.Parsed plain = PlainHead.parse(chunk);
        if (plain == null) {
            return false;
        }
        chunk.position(chunk.position() + plain.length());
        startResponse(HttpVersion.HTTP_1_1, plain.status(), plain.reason());
        for (HttpField field : plain.fields()) {
            parsedHeader(field);
        }
        plainRemaining = declaredLength;
        headerComplete();
        return true;
    }

    /** The body of a plain message: exactly its Content-Length. */
    private @Nullable ByteBuffer plainBody(ByteBuffer chunk) {
        if (overLimit) {
            return null;
        }
        if (plainRemaining > 0 && chunk.hasRemaining()) {
            int n = (int) Math.min(plainRemaining, chunk.remaining());
            ByteBuffer part = chunk.slice(chunk.position(), n);
            chunk.position(chunk.position() + n);
            plainRemaining -= n;
            content(part);
            if (overLimit) {
                return null;
            }
        }
        if (plainRemaining > 0) {
            return null;
        }
        plainRemaining = -1;
        messageComplete();
        return chunk.slice();
    }

    /**
     * Takes bytes as {@link #drain(ByteBuffer)} does, from a buffer that is valid only during the call
     * (the server's own, handed over as it writes): what the reader keeps of it is copied.
     *
     * @param chunk the bytes; consumed
     */
    public void drainBorrowed(ByteBuffer chunk) {
        borrowed = true;
        try {
            drain(chunk);
        } finally {
            borrowed = false;
        }
    }

    private static ByteBuffer copyOf(ByteBuffer chunk, int max) {
        byte[] copy = new byte[Math.min(max, chunk.remaining())];
        chunk.get(chunk.position(), copy);
        return ByteBuffer.wrap(copy);
    }

    /**
     * Reads from a source until the message ends (complete, cut short, over the limit, or not HTTP).
     *
     * @param wire where the bytes come from
     * @param deadlineNanos when to give up
     * @return false when the deadline passed first
     * @throws InterruptedException if the reading thread is interrupted
     */
    public boolean readFrom(Source wire, long deadlineNanos) throws InterruptedException {
        while (!complete && failure == null && !overLimit) {
            ByteBuffer chunk = wire.read(deadlineNanos);
            if (chunk == null) {
                return false;
            }
            if (!chunk.hasRemaining()) {
                eof();
                return true;
            }
            drain(chunk);
        }
        return true;
    }

    /** Bytes that arrived after the end of a 101 response (the first WebSocket frames). */
    public ByteBuffer leftover() {
        return leftover;
    }

    /** The connection ended: completes a close-delimited body, or marks the message cut short. */
    public void eof() {
        if (complete || overLimit) {
            return;
        }
        if (plainRemaining < 0) {
            HttpParser parser = parser();
            parser.atEOF();
            parser.parseNext(ByteBuffer.allocate(0));
        }
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
        return persistent && complete && failure == null && !overLimit && extraBytes == 0;
    }

    public @Nullable String failure() {
        return failure;
    }

    /** Whether the body was bigger than the limit (so it was not kept, and the connection must go). */
    public boolean isOverLimit() {
        return overLimit;
    }

    /** The body's announced length ({@code Content-Length}), or -1 when it did not announce one. */
    public long declaredLength() {
        return declaredLength;
    }

    /** How many body bytes arrived (kept or not). */
    public long bodyBytes() {
        return bodyBytes;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
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

    /** The trailer fields of a chunked body; empty when it had none. */
    public Headers trailers() {
        List<Headers.Header> t = trailers;
        return t == null ? Headers.empty() : Headers.of(t);
    }

    public byte[] body() {
        return accumulated == null ? new byte[0] : accumulated.toByteArray();
    }

    public long received() {
        return received;
    }

    /** How many bytes arrived after the end of the response, for no request. */
    public long extraBytes() {
        return extraBytes;
    }

    /** The first of the bytes that arrived for no request (up to 512), as text, or "" when none did. */
    public String extra() {
        Bytes start = extraStart;
        return start == null ? "" : preview(start.toBuffer(), extraBytes);
    }

    /** The first bytes received (up to 512), for a timeout report. */
    public String receivedPreview() {
        ByteBuffer first = head;
        if (received == 0 || first == null) {
            return "nothing";
        }
        return received + " bytes: " + preview(first, received);
    }

    /**
     * The first bytes of a buffer (up to 512), as text, for a report.
     *
     * @param bytes the bytes (not consumed)
     * @return the text, with "..." when cut
     */
    public static String preview(ByteBuffer bytes) {
        return preview(bytes, bytes.remaining());
    }

    private static String preview(ByteBuffer bytes, long total) {
        int length = Math.min(bytes.remaining(), PREVIEW_BYTES);
        byte[] shown = new byte[length];
        bytes.duplicate().get(shown);
        String text = new String(shown, StandardCharsets.ISO_8859_1);
        return length < total ? text + "..." : text;
    }

    private void noteExtra(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (n == 0) {
            return;
        }
        if (extraStart == null) {
            extraStart = new Bytes(Math.min(n, PREVIEW_BYTES));
        }
        int room = PREVIEW_BYTES - extraStart.size();
        if (room > 0) {
            ByteBuffer part = chunk.duplicate();
            part.limit(part.position() + Math.min(room, n));
            extraStart.put(part);
        }
        extraBytes += n;
        chunk.position(chunk.limit());
    }

    private void resetForFinalResponse() {
        parser().reset();
        headers = new ArrayList<>(8);
        headerComplete = false;
        complete = false;
        status = 0;
        reason = "";
        declaredLength = -1;
    }

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
        this.reason = reason == null ? "" : reason;
        if (version == HttpVersion.HTTP_1_0) {
            persistent = false;
        }
    }

    @Override
    public void parsedHeader(HttpField field) {
        headers.add(new Headers.Header(field.getName(), field.getValue()));
        HttpHeader known = field.getHeader();
        if (known == HttpHeader.CONNECTION && field.contains(HttpHeaderValue.CLOSE.asString())) {
            persistent = false;
        } else if (known == HttpHeader.CONTENT_LENGTH) {
            try {
                declaredLength = field.getLongValue();
            } catch (NumberFormatException e) {
                declaredLength = -1; // the parser reports the bad header itself
            }
        }
    }

    @Override
    public void parsedTrailer(HttpField field) {
        if (trailers == null) {
            trailers = new ArrayList<>(2);
        }
        trailers.add(new Headers.Header(field.getName(), field.getValue()));
    }

    @Override
    public boolean headerComplete() {
        headerComplete = true;
        if (declaredLength > maxBodyBytes && (status < 100 || status >= 200) && status != 204 && status != 304
                && !headRequest) {
            overLimit = true;
            return true;
        }
        if (accumulated != null && declaredLength > 0) {
            accumulated.reserve((int) declaredLength); // within the limit: one array of the right size
        }
        return false;
    }

    @Override
    public boolean content(ByteBuffer item) {
        int n = item.remaining();
        bodyBytes += n;
        if (sink != null) {
            sink.content(item);
            return false;
        }
        if (bodyBytes > maxBodyBytes) {
            overLimit = true;
            item.position(item.limit());
            return true;
        }
        accumulated.put(item);
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
