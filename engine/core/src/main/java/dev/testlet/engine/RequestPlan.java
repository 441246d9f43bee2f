package dev.testlet.engine;

import dev.testlet.engine.spi.BodyText;
import dev.testlet.engine.spi.Secrets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request, as data: what the DSL builds and the engine sends. A plan can be printed (as HTTP
 * or as a curl line), sent again, sent concurrently, or sent over another transport.
 *
 * <pre>{@code
 * RequestPlan plan = RequestPlan.of("GET", "/items?page=2").withHeader("Accept", "application/json");
 * plan.toCurl("http://localhost:8080");
 * // curl -X GET 'http://localhost:8080/items?page=2' -H 'Accept: application/json'
 * }</pre>
 *
 * @param method the HTTP method, upper case by convention ({@code GET}, {@code POST}...)
 * @param target the request target: an absolute path with an optional, already encoded query
 * @param headers the header fields, in order
 * @param body the body bytes; empty for none. Read with {@link #body()} (a copy) or {@link #bodyBuffer()}
 * @param timeout how long the engine may wait for the response
 * @param bodyFile a file whose content is the body, streamed from disk as it is sent (so a body bigger
 *     than memory can be sent); null for a body held in {@code body}. A plan has one or the other.
 */
public record RequestPlan(String method, String target, Headers headers, byte[] body, Duration timeout,
        @Nullable Path bodyFile) {

    /** The timeout a plan gets unless told otherwise: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final byte[] NO_BODY = new byte[0];

    /**
     * Checks the plan: a method token, a target starting with {@code /} without spaces or line
     * breaks, header names that are tokens, values of visible ISO-8859-1 text, spaces and tabs (no
     * line breaks, no control characters, nothing beyond U+00FF), a positive timeout.
     *
     * @param method the method
     * @param target the target
     * @param headers the headers
     * @param body the body
     * @param timeout the timeout
     * @param bodyFile the file the body is read from, or null
     */
    public RequestPlan {
        if (method == null || method.isEmpty() || !isToken(method)) {
            throw new IllegalArgumentException("HTTP method '" + method
                    + "' is not a valid method token; use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or another token");
        }
        if (target == null || !(target.startsWith("/") || target.equals("*"))) {
            throw new IllegalArgumentException("request target '" + target
                    + "' must start with '/', for example \"/items\" or \"/items?page=2\"");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("request target '" + target + "' contains "
                        + describe(c) + " at index " + i
                        + "; encode it (the DSL's path templates and queryParam do that for you)");
            }
        }
        if (headers == null) {
            headers = Headers.empty();
        }
        for (Headers.Header h : headers) {
            if (h.name().isEmpty() || !isToken(h.name())) {
                throw new IllegalArgumentException("header name '" + h.name()
                        + "' is not a valid HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)");
            }
            checkValue(h.name(), h.value());
        }
        body = body == null || body.length == 0 ? NO_BODY : body.clone();
        if (bodyFile != null && body.length > 0) {
            throw new IllegalArgumentException("a request has one body, but this plan has " + body.length
                    + " body bytes and the body file " + bodyFile + "; give one of them");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, but was " + timeout
                    + "; use for example Duration.ofSeconds(10)");
        }
    }

    /**
     * A plan whose body, if any, is in memory.
     *
     * <pre>{@code new RequestPlan("POST", "/items", headers, json, Duration.ofSeconds(10))}</pre>
     *
     * @param method the method
     * @param target the target
     * @param headers the headers
     * @param body the body bytes (copied); empty for none
     * @param timeout the timeout
     */
    public RequestPlan(String method, String target, Headers headers, byte[] body, Duration timeout) {
        this(method, target, headers, body, timeout, null);
    }

    /**
     * A plan with no headers, no body and the default timeout.
     *
     * <pre>{@code RequestPlan.of("DELETE", "/items/3")}</pre>
     *
     * @param method the HTTP method
     * @param target the request target, starting with {@code /}
     * @return the plan
     */
    public static RequestPlan of(String method, String target) {
        return new RequestPlan(method, target, Headers.empty(), NO_BODY, DEFAULT_TIMEOUT);
    }

    /**
     * A copy of the body bytes.
     *
     * <pre>{@code new String(plan.body(), UTF_8)}</pre>
     *
     * @return the body; empty when there is none
     */
    @Override
    public byte[] body() {
        return body.length == 0 ? body : body.clone();
    }

    /**
     * The body as a read-only buffer, without copying.
     *
     * <pre>{@code plan.bodyBuffer().remaining()}</pre>
     *
     * @return a read-only view of the body
     */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /**
     * The target's path, without the query.
     *
     * <pre>{@code RequestPlan.of("GET", "/items?page=2").path()   // "/items"}</pre>
     *
     * @return the path
     */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /**
     * The target's raw query, or {@code null} when it has none.
     *
     * <pre>{@code RequestPlan.of("GET", "/items?page=2").query()   // "page=2"}</pre>
     *
     * @return the encoded query, or null
     */
    public @Nullable String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    /**
     * A copy with one more header field.
     *
     * <pre>{@code plan.withHeader("X-Trace", "1")}</pre>
     *
     * @param name the header name
     * @param value the value
     * @return the new plan
     */
    public RequestPlan withHeader(String name, String value) {
        return new RequestPlan(method, target, headers.with(name, value), body, timeout, bodyFile);
    }

    /**
     * A copy with other headers.
     *
     * <pre>{@code plan.withHeaders(plan.headers().without("Cookie"))}</pre>
     *
     * @param newHeaders the headers
     * @return the new plan
     */
    public RequestPlan withHeaders(Headers newHeaders) {
        return new RequestPlan(method, target, newHeaders, body, timeout, bodyFile);
    }

    /**
     * A copy with another method and target (as when following a redirect).
     *
     * <pre>{@code plan.withRequestLine("GET", "/login")}</pre>
     *
     * @param newMethod the method
     * @param newTarget the target
     * @return the new plan
     */
    public RequestPlan withRequestLine(String newMethod, String newTarget) {
        return new RequestPlan(newMethod, newTarget, headers, body, timeout, bodyFile);
    }

    /**
     * A copy with another body, held in memory (a body file is dropped).
     *
     * <pre>{@code plan.withBody(new byte[0])}</pre>
     *
     * @param newBody the body bytes (copied)
     * @return the new plan
     */
    public RequestPlan withBody(byte[] newBody) {
        return new RequestPlan(method, target, headers, newBody, timeout, null);
    }

    /**
     * A copy whose body is a file, streamed from disk as it is sent: at most one chunk of it is in
     * memory at a time, so it may be bigger than the heap. Its {@code Content-Length} is the file's
     * size when the request is sent.
     *
     * <pre>{@code plan.withBodyFile(Path.of("big.bin")).withHeader("Content-Type", "application/octet-stream")}</pre>
     *
     * @param file a readable file
     * @return the new plan
     */
    public RequestPlan withBodyFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("the body file is null; pass a Path, or use withBody(bytes)");
        }
        return new RequestPlan(method, target, headers, NO_BODY, timeout, file);
    }

    /**
     * A copy with another timeout.
     *
     * <pre>{@code plan.withTimeout(Duration.ofMillis(500))}</pre>
     *
     * @param newTimeout a positive duration
     * @return the new plan
     */
    public RequestPlan withTimeout(Duration newTimeout) {
        return new RequestPlan(method, target, headers, body, newTimeout, bodyFile);
    }

    /**
     * The request as a curl command line, secrets included, to replay it against a running server.
     *
     * <pre>{@code
     * plan.toCurl("http://localhost:8080")
     * // curl -X POST 'http://localhost:8080/items' -H 'Content-Type: application/json' --data-raw '{"name":"pen"}'
     * }</pre>
     *
     * @param baseUrl scheme, host, port and any path prefix, without a trailing slash
     * @return the command line
     */
    public String toCurl(String baseUrl) {
        return curl(baseUrl, null);
    }

    /**
     * The request as a curl command line with secrets masked by the standard rules
     * ({@link Secrets#standard()}: credentials, session cookies, tokens), as failure messages print it.
     *
     * <pre>{@code plan.toMaskedCurl("http://localhost:8080")   // ... -H 'Authorization: Bearer ***'}</pre>
     *
     * @param baseUrl scheme, host, port and any path prefix, without a trailing slash
     * @return the command line
     */
    public String toMaskedCurl(String baseUrl) {
        return toMaskedCurl(baseUrl, Secrets.standard());
    }

    /**
     * The request as a curl command line with secrets masked by the given rules (a client's, with the
     * names it added).
     *
     * <pre>{@code plan.toMaskedCurl("http://localhost:8080", Secrets.standard().withNames(List.of("X-Tenant")))}</pre>
     *
     * @param baseUrl scheme, host, port and any path prefix, without a trailing slash
     * @param secrets what to mask
     * @return the command line
     */
    public String toMaskedCurl(String baseUrl, Secrets secrets) {
        return curl(baseUrl, secrets);
    }

    private String curl(String baseUrl, @Nullable Secrets secrets) {
        StringBuilder out = new StringBuilder("curl");
        if (method.equals("HEAD")) {
            out.append(" --head");
        } else {
            out.append(" -X ").append(method);
        }
        out.append(' ').append(shellQuote(stripSlash(baseUrl) + target));
        for (Headers.Header h : headers) {
            if (h.name().equalsIgnoreCase("Host") || h.name().equalsIgnoreCase("Content-Length")) {
                continue;
            }
            String value = secrets != null ? secrets.header(h.name(), h.value()) : h.value();
            out.append(" -H ").append(shellQuote(h.name() + ": " + value));
        }
        if (bodyFile != null) {
            out.append(" --data-binary ").append(shellQuote("@" + bodyFile));
        } else if (body.length > 0) {
            String text = BodyText.decodeIfText(body, headers.first("Content-Type"));
            if (text != null) {
                out.append(" --data-raw ").append(shellQuote(text));
            } else {
                out.append(" --data-binary @body.bin  # ").append(body.length).append(" bytes of binary body");
            }
        }
        return out.toString();
    }

    /**
     * The request as HTTP text, with secrets masked and a long body cut.
     *
     * <pre>{@code
     * GET /items?page=2 HTTP/1.1
     * Authorization: Bearer ***
     * }</pre>
     *
     * @return the printable request
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(target).append(" HTTP/1.1\n");
        for (Headers.Header h : headers) {
            out.append(h.name()).append(": ").append(Secrets.maskHeader(h.name(), h.value())).append('\n');
        }
        if (bodyFile != null) {
            out.append("\n(the body is the file ").append(bodyFile).append(", streamed from disk)\n");
        } else if (body.length > 0) {
            out.append('\n').append(BodyText.preview(body, headers.first("Content-Type"))).append('\n');
        }
        return out.toString();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof RequestPlan that
                && method.equals(that.method)
                && target.equals(that.target)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && timeout.equals(that.timeout)
                && java.util.Objects.equals(bodyFile, that.bodyFile);
    }

    @Override
    public int hashCode() {
        return ((method.hashCode() * 31 + target.hashCode()) * 31 + headers.hashCode()) * 31
                + Arrays.hashCode(body);
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * A header value is one line of visible ISO-8859-1 text, spaces and tabs (RFC 9110 §5.5), which
     * is what Jetty and other servers decode: anything else would break the line, draw a 400 from
     * the server, or reach the app as other characters than the test wrote.
     */
    private static void checkValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c != 0x7f && c <= 0xff || c == '\t') {
                continue;
            }
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("header " + name + " has a value with " + describe(c)
                        + " at index " + i + "; header values must be one line");
            }
            if (c < ' ' || c == 0x7f) {
                throw new IllegalArgumentException("header " + name + " has a value with " + describe(c)
                        + " at index " + i + "; header values may hold visible characters, spaces and tabs only:"
                        + " encode the value (percent-encoding or Base64)");
            }
            int codePoint = value.codePointAt(i);
            throw new IllegalArgumentException("header " + name + " has a value with the character '"
                    + Character.toString(codePoint) + "' (" + String.format(Locale.ROOT, "U+%04X", codePoint)
                    + ") at index " + i + ", which HTTP header values cannot carry (they are ISO-8859-1 on the"
                    + " wire); encode the value: percent-encoding (URLEncoder.encode(value, UTF_8)), Base64,"
                    + " or RFC 8187 for parameters (filename*=UTF-8''caf%C3%A9)");
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\r' -> "a carriage return";
            case '\n' -> "a line feed";
            case 0 -> "a NUL character";
            default -> c < ' ' || c == 0x7f
                    ? String.format(Locale.ROOT, "control character U+%04X", (int) c)
                    : "the non-ASCII character '" + c + "'";
        };
    }

    static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
