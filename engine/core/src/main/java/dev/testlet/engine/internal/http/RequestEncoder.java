package dev.testlet.engine.internal.http;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a plan as one HTTP/1.1 message: request line, headers, blank line and the whole body, in
 * one buffer. A body from a file follows as the server reads it ({@link Upload}): on an inline
 * request the server's own reads pull it, so the caller, who is also the reader, never waits for itself.
 * Header values are written as ISO-8859-1, as servers decode them ({@link RequestPlan} allows nothing
 * beyond U+00FF); everything else is ASCII by construction.
 */
public final class RequestEncoder {

    private static final byte[] VERSION = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COLON = ": ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private RequestEncoder() {}

    /**
     * The plan as it goes on the wire: with {@code Host} when missing, and exactly one {@code
     * Content-Length}, set from the body (or 0 for methods that usually carry one). Testlet owns the
     * framing, so nothing a test writes can put a second request on the connection: a {@code
     * Content-Length} the plan set is kept only when it agrees with the body, and a {@code
     * Transfer-Encoding} is refused.
     *
     * @param plan the plan
     * @param host the Host value to add when missing
     * @return the plan as it goes on the wire
     * @throws IllegalArgumentException naming the framing header that disagrees with the body
     */
    public static RequestPlan complete(RequestPlan plan, String host) {
        Headers headers = plan.headers();
        long length = bodyLength(plan);
        boolean hasHost = false;
        int lengths = 0;
        for (Headers.Header h : headers) {
            String name = h.name();
            if (name.equalsIgnoreCase("Host")) {
                hasHost = true;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                checkLength(h.value(), length);
                lengths++;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IllegalArgumentException("header Transfer-Encoding: " + h.value()
                        + " is not allowed; remove it: Testlet frames the request itself and sends the body"
                        + " with a Content-Length");
            }
        }
        if (!hasHost) {
            headers = Headers.of(prepend(headers, "Host", host));
        }
        if (lengths > 1 || (lengths == 1 && !headers.first("Content-Length").equals(Long.toString(length)))) {
            headers = headers.withOnly("Content-Length", Long.toString(length));
        } else if (lengths == 0 && (length > 0 || expectsBody(plan.method()))) {
            headers = headers.with("Content-Length", Long.toString(length));
        }
        return headers == plan.headers() ? plan : plan.withHeaders(headers);
    }

    /** A Content-Length the test set must be the body's length, or the rest of the body would be a second request. */
    private static void checkLength(String value, long length) {
        String digits = value.strip();
        boolean agrees = !digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && Long.parseLong(digits) == length;
        if (!agrees) {
            throw new IllegalArgumentException("header Content-Length: " + value + " disagrees with the body of "
                    + length + (length == 1 ? " byte" : " bytes")
                    + "; remove the header: Testlet sets Content-Length from the body it sends");
        }
    }

    /**
     * The length of a plan's body: its bytes, or its file's size.
     *
     * @param plan the plan
     * @return the length
     * @throws IllegalArgumentException when the body file cannot be read
     */
    public static long bodyLength(RequestPlan plan) {
        java.nio.file.Path file = plan.bodyFile();
        if (file == null) {
            return plan.bodyBuffer().remaining();
        }
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the body file " + file + " of " + plan.method() + " " + plan.target()
                    + " cannot be read (" + e + "); check that it exists and is readable", e);
        }
    }

    /**
     * The plan's bytes: request line, headers, blank line, body (unless the body is a file, which is
     * sent after these bytes, chunk by chunk, see {@link Upload}).
     *
     * @param plan a completed plan
     * @return the bytes, in one buffer
     */
    public static ByteBuffer encode(RequestPlan plan) {
        ByteBuffer body = plan.bodyBuffer();
        Bytes out = new Bytes(128 + body.remaining());
        out.latin1(plan.method()).put((byte) ' ').latin1(plan.target()).put(VERSION);
        for (Headers.Header h : plan.headers()) {
            out.latin1(h.name()).put(COLON).latin1(h.value()).put(CRLF);
        }
        out.put(CRLF);
        out.put(body);
        return out.toBuffer();
    }

    private static boolean expectsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static java.util.List<Headers.Header> prepend(Headers headers, String name, String value) {
        java.util.List<Headers.Header> list = new java.util.ArrayList<>(headers.size() + 2);
        list.add(new Headers.Header(name, value));
        list.addAll(headers.asList());
        return list;
    }
}
