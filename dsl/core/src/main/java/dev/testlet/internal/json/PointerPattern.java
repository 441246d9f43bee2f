package dev.testlet.internal.json;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A JSON Pointer (RFC 6901) in which a segment may be a wildcard: {@code *} matches any one object
 * member or array element, {@code **} any number of levels (also none). A segment that is exactly
 * {@code *} or {@code **} is always a wildcard; other segments are unescaped as RFC 6901 says
 * ({@code ~1} is {@code /}, {@code ~0} is {@code ~}).
 *
 * <pre>{@code
 * PointerPattern.compile("/items/*&#47;id").matches(List.of("items", "3", "id"))   // true
 * PointerPattern.compile("/**&#47;createdAt").matches(List.of("a", "b", "createdAt")) // true
 * PointerPattern.compile("items.id")   // IllegalArgumentException: ... must start with '/' ...
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class PointerPattern {

    private static final String ANY = "*";
    private static final String ANY_DEPTH = "**";

    private final String text;
    private final List<String> segments;

    private PointerPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Compiles a pattern, or says what is wrong with it.
     *
     * <pre>{@code PointerPattern.compile("/items/*&#47;id")}</pre>
     *
     * @param pattern "" for the whole document, or a pointer such as "/items/*&#47;id"
     * @return the pattern
     * @throws IllegalArgumentException naming the mistake and the right form
     */
    public static PointerPattern compile(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("the JSON Pointer pattern is null; use a pointer such as \"/items/*/id\"");
        }
        if (pattern.isEmpty()) {
            return new PointerPattern(pattern, List.of());
        }
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("'" + pattern + "' is not a JSON Pointer pattern: it must be \"\" for the"
                    + " whole document or start with '/', as in \"/items/*/id\" (* is any one member or element,"
                    + " ** any number of levels)");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : pattern.substring(1).split("/", -1)) {
            segments.add(unescape(raw, pattern));
        }
        return new PointerPattern(pattern, List.copyOf(segments));
    }

    private static String unescape(String raw, String pattern) {
        if (raw.indexOf('~') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                out.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            if (next == '0') {
                out.append('~');
            } else if (next == '1') {
                out.append('/');
            } else {
                throw new IllegalArgumentException("'" + pattern + "' is not a valid JSON Pointer pattern: '~' must be"
                        + " followed by 0 or 1 (write ~0 for '~' and ~1 for '/' inside a name)");
            }
            i++;
        }
        return out.toString();
    }

    /**
     * Whether a location in a document matches.
     *
     * <pre>{@code compile("/items/*").matches(List.of("items", "0"))   // true}</pre>
     *
     * @param path the unescaped segments from the root (array indices as decimal strings)
     * @return true when the pattern matches exactly that location
     */
    public boolean matches(List<String> path) {
        return matches(0, path, 0);
    }

    private boolean matches(int s, List<String> path, int p) {
        while (s < segments.size()) {
            String segment = segments.get(s);
            if (segment.equals(ANY_DEPTH)) {
                for (int skip = p; skip <= path.size(); skip++) {
                    if (matches(s + 1, path, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (p >= path.size() || !(segment.equals(ANY) || segment.equals(path.get(p)))) {
                return false;
            }
            s++;
            p++;
        }
        return p == path.size();
    }

    /**
     * Whether the pattern has no wildcard, so it names at most one location.
     *
     * <pre>{@code compile("/a/b").isLiteral()   // true}</pre>
     *
     * @return true without wildcards
     */
    public boolean isLiteral() {
        return !segments.contains(ANY) && !segments.contains(ANY_DEPTH);
    }

    /**
     * Escapes one segment for a pointer: {@code ~} as {@code ~0}, {@code /} as {@code ~1}.
     *
     * <pre>{@code PointerPattern.escape("a/b")   // "a~1b"}</pre>
     *
     * @param segment a member name or index
     * @return the escaped segment
     */
    public static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /**
     * A pointer from unescaped segments.
     *
     * <pre>{@code PointerPattern.pointer(List.of("items", "0"))   // "/items/0"}</pre>
     *
     * @param path the segments from the root
     * @return the RFC 6901 pointer; "" for the root
     */
    public static String pointer(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            out.append('/').append(escape(segment));
        }
        return out.toString();
    }

    /** The pattern as it was written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PointerPattern that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
