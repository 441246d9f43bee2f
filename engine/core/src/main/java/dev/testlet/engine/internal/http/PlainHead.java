package dev.testlet.engine.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.jspecify.annotations.Nullable;

/**
 * The head of a plain response, parsed without Jetty's {@link HttpParser}: {@code HTTP/1.1}, a status
 * from 200 to 599 that has a body (not 204 or 304), CRLF line ends, token names, printable ASCII
 * values and exactly one {@code Content-Length} (no {@code Transfer-Encoding}), all in one buffer.
 * That is nearly every response a test reads, and Jetty's parser spends most of its time on it looking
 * names and values up in its caches. Anything else gets {@code null}, and the reader hands the whole
 * message to Jetty's parser, which also judges what is malformed.
 *
 * <p>Fields come out as Jetty's parser reports them: a known name in its canonical spelling, and a
 * value that Jetty's parser has in its cache of common fields (case-insensitively) in the cache's
 * spelling ({@code ResponseReaderTest} compares the two parsers on the same bytes).
 *
 * <pre>{@code
 * PlainHead.Parsed head = PlainHead.parse(buffer);   // null: not plain, nothing consumed
 * }</pre>
 */
final class PlainHead {

    /** Jetty's parser refuses a bigger head by default; past it, it decides. */
    private static final int MAX_HEAD_BYTES = 8192;

    /** RFC 9110 token characters. */
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    /**
     * A parsed head.
     *
     * @param status the status
     * @param reason the reason phrase
     * @param fields the header fields, in order
     * @param length the head's length in bytes, up to and with the empty line
     */
    record Parsed(int status, String reason, List<HttpField> fields, int length) {}

    private PlainHead() {}

    /**
     * Parses a head at the buffer's position, without consuming it.
     *
     * @param in the bytes
     * @return the head, or null when it is not a plain one (or not all in the buffer)
     */
    static @Nullable Parsed parse(ByteBuffer in) {
        int start = in.position();
        int end = Math.min(in.limit(), start + MAX_HEAD_BYTES);
        // "HTTP/1.1 200 " at least, then the reason and CRLF
        if (end - start < 17 || !startsWithVersion(in, start)) {
            return null;
        }
        int d0 = in.get(start + 9) - '0';
        int d1 = in.get(start + 10) - '0';
        int d2 = in.get(start + 11) - '0';
        if (d0 < 2 || d0 > 5 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || in.get(start + 12) != ' ') {
            return null;
        }
        int status = d0 * 100 + d1 * 10 + d2;
        if (status == 204 || status == 304) {
            return null;
        }
        int i = start + 13;
        int reasonEnd = lineEnd(in, i, end);
        if (reasonEnd <= i || in.get(i) == ' ' || in.get(reasonEnd - 1) == ' ') {
            return null;
        }
        String reason = ascii(in, i, reasonEnd);
        i = reasonEnd + 2;
        List<HttpField> fields = new ArrayList<>(6);
        boolean length = false;
        while (true) {
            if (i + 1 >= end) {
                return null;
            }
            if (in.get(i) == '\r') {
                if (in.get(i + 1) != '\n' || !length) {
                    return null;
                }
                return new Parsed(status, reason, fields, i + 2 - start);
            }
            int nameStart = i;
            while (i < end && isTchar(in.get(i))) {
                i++;
            }
            if (i == nameStart || i >= end || in.get(i) != ':') {
                return null;
            }
            int nameEnd = i++;
            while (i < end && in.get(i) == ' ') {
                i++;
            }
            int valueEnd = lineEnd(in, i, end);
            if (valueEnd <= i) {
                return null; // no value, or no line end: Jetty's parser decides
            }
            int valueStart = i;
            int trimmed = valueEnd;
            while (in.get(trimmed - 1) == ' ') {
                trimmed--;
            }
            HttpField field = field(ascii(in, nameStart, nameEnd), ascii(in, valueStart, trimmed));
            HttpHeader header = field.getHeader();
            if (header == HttpHeader.TRANSFER_ENCODING || (header == HttpHeader.CONTENT_LENGTH && (length
                    || !isDigits(field.getValue())))) {
                return null;
            }
            length |= header == HttpHeader.CONTENT_LENGTH;
            fields.add(field);
            i = valueEnd + 2;
        }
    }

    private static boolean startsWithVersion(ByteBuffer in, int at) {
        byte[] version = {'H', 'T', 'T', 'P', '/', '1', '.', '1', ' '};
        for (int k = 0; k < version.length; k++) {
            if (in.get(at + k) != version[k]) {
                return false;
            }
        }
        return true;
    }

    /** Where the line from {@code from} ends (its CR, followed by LF), or -1 for a character Jetty's parser should judge. */
    private static int lineEnd(ByteBuffer in, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = in.get(i);
            if (b == '\r') {
                return i + 1 < end && in.get(i + 1) == '\n' ? i : -1;
            }
            if (b < ' ' || b > '~') {
                return -1; // a tab, a bare LF, a control or a non-ASCII byte
            }
        }
        return -1;
    }

    private static boolean isTchar(byte b) {
        return b > 0 && TCHAR[b];
    }

    private static boolean isDigits(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String ascii(ByteBuffer in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Whether {@link HttpParser#CACHE} holds values for the header, so a value may come out in the cache's spelling. */
    private static boolean hasCachedValues(HttpHeader header) {
        return switch (header) {
            case CONNECTION, ACCEPT_ENCODING, ACCEPT_LANGUAGE, ACCEPT_CHARSET, ACCEPT, ACCEPT_RANGES, PRAGMA, CACHE_CONTROL,
                    CONTENT_ENCODING, HOST, EXPIRES, CONTENT_TYPE -> true;
            default -> false;
        };
    }

    /** The field as Jetty's parser reports it: the canonical name of a known header, a cached value's spelling. */
    private static HttpField field(String name, String value) {
        HttpHeader header = HttpHeader.CACHE.get(name);
        if (header == null) {
            return new HttpField(name, value);
        }
        if (hasCachedValues(header)) {
            HttpField cached = HttpParser.CACHE.get(header.asString() + ": " + value);
            if (cached != null && cached.getHeader() == header && cached.getValue() != null
                    && cached.getValue().equalsIgnoreCase(value)) {
                return cached;
            }
        }
        return new HttpField(header, header.asString(), value);
    }
}
