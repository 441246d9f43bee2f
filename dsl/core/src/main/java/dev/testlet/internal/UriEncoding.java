package dev.testlet.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding for request targets (RFC 3986), always in UTF-8, and path templates.
 *
 * <pre>{@code
 * UriEncoding.expand("/items/{id}/tags/{tag}", new Object[] {3, "a b"})   // "/items/3/tags/a%20b"
 * UriEncoding.component("café & tea")                                     // "caf%C3%A9%20%26%20tea"
 * }</pre>
 */
public final class UriEncoding {

    private static final String UNRESERVED = "-._~";
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    /**
     * Fills {@code {name}} placeholders in order; each value is encoded as one path segment, so a
     * {@code /} in a value becomes {@code %2F}.
     *
     * @param template the path with placeholders
     * @param values one value per placeholder
     * @return the path
     * @throws IllegalArgumentException when the counts differ or a value is null
     */
    public static String expand(String template, Object[] values) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int next = 0;
        int placeholders = countPlaceholders(template);
        if (placeholders != values.length) {
            throw new IllegalArgumentException("path " + template + " has " + placeholders + " placeholder"
                    + (placeholders == 1 ? "" : "s") + " but " + values.length + " value"
                    + (values.length == 1 ? " was" : "s were") + " given"
                    + (placeholders == 0 ? "; to send a literal value, write it into the path" : "; give one value per {placeholder}, in order"));
        }
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i);
                Object value = values[next];
                if (value == null) {
                    throw new IllegalArgumentException("the value for " + template.substring(i, close + 1) + " in "
                            + template + " is null; every placeholder needs a value");
                }
                out.append(component(String.valueOf(value)));
                next++;
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int countPlaceholders(String template) {
        int count = 0;
        int i = 0;
        while ((i = template.indexOf('{', i)) >= 0) {
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("path " + template + " has a '{' without a closing '}'");
            }
            count++;
            i = close + 1;
        }
        return count;
    }

    /**
     * Encodes what may not appear in a path as written (spaces, non-ASCII, quotes), keeping
     * {@code /}, existing {@code %XX} escapes and the reserved characters a path may carry. A
     * {@code #fragment} is dropped, as HTTP clients do: it names a part of the page for the browser
     * and is never sent to a server. (A {@code #} inside a template value was already encoded as
     * {@code %23} by {@link #expand}, so it stays data.)
     *
     * @param path a path, possibly with a {@code ?query} and a {@code #fragment}
     * @return the path, safe to send
     */
    public static String path(String path) {
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean keep = isAlnum(c) || PATH_SAFE.indexOf(c) >= 0 || c == '?'
                    || (c == '%' && i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2)));
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(path.length() + 16).append(path, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < path.length() ? i + 2 : i + 1;
            appendEncoded(out, path.substring(i, end));
            i = end - 1;
        }
        return out == null ? path : out.toString();
    }

    /**
     * Encodes everything but unreserved characters: for a query name or value, or a path segment.
     *
     * @param value the raw text
     * @return the encoded text
     */
    public static String component(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isAlnum(c) || UNRESERVED.indexOf(c) >= 0) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
            appendEncoded(out, value.substring(i, end));
            i = end - 1;
        }
        return out == null ? value : out.toString();
    }

    /**
     * A query string from name-value pairs: {@code a=1&b=x%20y}.
     *
     * @param params the pairs, in order
     * @return the encoded query, without '?'
     */
    public static String query(List<Map.Entry<String, String>> params) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> p : params) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(component(p.getKey())).append('=').append(component(p.getValue()));
        }
        return out.toString();
    }

    private static void appendEncoded(StringBuilder out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
