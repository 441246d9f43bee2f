package dev.testlet.internal;

import dev.testlet.engine.Headers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Undoes a response's {@code Content-Encoding} ({@code gzip}, {@code x-gzip}, {@code deflate}, in the
 * order they were applied), as browsers and httpx do, so text, JSON and expectations see the content
 * rather than compressed bytes. The decoded body is bounded: a body that inflates past the limit (a
 * zip bomb) is refused, not held.
 *
 * <pre>{@code
 * ContentDecoding.Decoded d = ContentDecoding.decode(headers, raw, 64 << 20);
 * d.body();       // the content
 * d.codings();    // "gzip", or null when nothing was decoded
 * d.problem();    // null, or why it could not be decoded
 * }</pre>
 */
public final class ContentDecoding {

    /**
     * A body after decoding.
     *
     * @param body the decoded bytes (the raw ones when nothing was decoded, or it failed)
     * @param codings the codings undone, as the header names them ("gzip"); null when none was
     * @param problem why it could not be decoded (an unknown coding, corrupt data, over the limit); null when it could
     */
    public record Decoded(byte[] body, @Nullable String codings, @Nullable String problem) {}

    private ContentDecoding() {}

    /**
     * Decodes a body by its {@code Content-Encoding}.
     *
     * @param headers the response headers
     * @param raw the body as received
     * @param limit the most decoded bytes to hold
     * @return the decoded body, or the raw one with the problem
     */
    public static Decoded decode(Headers headers, byte[] raw, long limit) {
        if (raw.length == 0 || headers.first("Content-Encoding") == null) {
            return new Decoded(raw, null, null);
        }
        List<String> codings = codings(headers);
        if (codings.isEmpty() || raw.length == 0) {
            return new Decoded(raw, null, null);
        }
        String named = String.join(", ", codings);
        for (String coding : codings) {
            if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
                return new Decoded(raw, null, "the body's Content-Encoding " + named + " is not one Testlet decodes"
                        + " (gzip, deflate); text(), json() and expectations see the encoded bytes");
            }
        }
        byte[] body = raw;
        for (int i = codings.size() - 1; i >= 0; i--) {
            String coding = codings.get(i);
            try {
                body = coding.equals("deflate") ? inflate(body, limit) : gunzip(body, limit);
            } catch (TooBig e) {
                return new Decoded(raw, null, "the body decoded from " + named + " is more than "
                        + LimitExceededException.size(limit) + " (the client's limit on a body read whole; a "
                        + String.format(Locale.ROOT, "%,d", raw.length) + "-byte body that inflates this far may be a"
                        + " zip bomb); to raise it: client.withLimits(client.limits().withMaxBodyBytes(...)), to see the"
                        + " encoded bytes: response.rawBytes()");
            } catch (IOException e) {
                return new Decoded(raw, null, "the body is not valid " + coding + " although its Content-Encoding is "
                        + named + ": " + e.getMessage() + "; to see the bytes as received: response.rawBytes()");
            }
        }
        return new Decoded(body, named, null);
    }

    /** The codings named by the Content-Encoding header(s), in order, lower case, without identity. */
    static List<String> codings(Headers headers) {
        List<String> out = new ArrayList<>(1);
        for (String value : headers.all("Content-Encoding")) {
            for (String part : value.split(",")) {
                String coding = part.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    out.add(coding);
                }
            }
        }
        return out;
    }

    private static byte[] gunzip(byte[] in, long limit) throws IOException {
        try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
            return readBounded(gz, limit);
        }
    }

    /** deflate is zlib-wrapped (RFC 9110); some servers send raw deflate, which browsers also accept. */
    private static byte[] inflate(byte[] in, long limit) throws IOException {
        try {
            return inflate(in, limit, false);
        } catch (java.util.zip.ZipException zlib) {
            try {
                return inflate(in, limit, true);
            } catch (java.util.zip.ZipException rawToo) {
                throw zlib;
            }
        }
    }

    private static byte[] inflate(byte[] in, long limit, boolean raw) throws IOException {
        Inflater inflater = new Inflater(raw);
        try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(in), inflater)) {
            return readBounded(z, limit);
        } finally {
            inflater.end();
        }
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new TooBig();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static final class TooBig extends IOException {
        TooBig() {
            super(null, null);
        }
    }
}
