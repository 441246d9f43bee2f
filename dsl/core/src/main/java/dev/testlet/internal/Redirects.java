package dev.testlet.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a redirect leads, decided as a browser decides it: the {@code Location} is resolved against
 * the request's URL (RFC 3986 §5: relative paths, dot-segments, query-only and fragment-only
 * references, protocol-relative {@code //host/x}), percent-encoded as browsers do ({@code /echo/café}
 * becomes {@code /echo/caf%C3%A9}, existing {@code %XX} escapes are kept), and followed only when it
 * stays on the request's origin (scheme, host and port all equal). Anything else, such as {@code
 * javascript:}, {@code ftp:} or another host or port, is not followed, with the reason.
 *
 * <pre>{@code
 * Redirects.decide("http://localhost/shop/cart?x=1", "../login?next=/shop")
 * // Follow[url=http://localhost/login?next=/shop, target=/login?next=/shop]
 * Redirects.decide("http://localhost/a", "http://localhost:9999/b")
 * // NotFollowed[url=http://localhost:9999/b, reason=it leads to another port (9999, not 80)]
 * }</pre>
 */
public final class Redirects {

    /** Characters a path or query may carry as they are, besides letters, digits and valid {@code %XX}. */
    private static final String PCHAR_SYMBOLS = "-._~!$&'()*+,;=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Redirects() {}

    /** What to do with a redirect. */
    public sealed interface Decision permits Follow, NotFollowed {
        /**
         * The resolved, percent-encoded URL the Location names (without a fragment when followed).
         *
         * @return the URL
         */
        String url();
    }

    /**
     * Follow it: send {@code target} to the same server.
     *
     * @param url the absolute URL, for reports
     * @param target the path and query to send (percent-encoded, no fragment), e.g. {@code /login?next=%2F}
     */
    public record Follow(String url, String target) implements Decision {}

    /**
     * Do not follow it: the redirect response is the response.
     *
     * @param url the resolved URL, or the Location as given when it could not be resolved
     * @param reason why, e.g. {@code it leads to another host (example.org, not localhost)}
     */
    public record NotFollowed(String url, String reason) implements Decision {
        /**
         * A line for the report.
         *
         * @return e.g. {@code redirect to ftp://localhost/f not followed: it uses another scheme (ftp, not http); ...}
         */
        public String message() {
            return "redirect to " + url + " not followed: " + reason
                    + "; Testlet follows redirects only within the app's origin (same scheme, host and port)";
        }
    }

    /**
     * Decides where a {@code Location} leads.
     *
     * @param requestUrl the URL of the request that was redirected, absolute, as the app saw it:
     *     scheme, the {@code Host} header, and the request target, e.g. {@code http://localhost/items?page=2}
     * @param location the {@code Location} header's value
     * @return {@link Follow} with the target to send, or {@link NotFollowed} with the reason
     */
    public static Decision decide(String requestUrl, String location) {
        Reference base = Reference.parse(requestUrl);
        if (base.scheme == null || base.authority == null) {
            throw new IllegalArgumentException("the request URL " + requestUrl + " must be absolute, as http://host/path");
        }
        Reference target = resolve(base, Reference.parse(location.strip()));
        String url = target.toString();
        String scheme = lower(target.scheme);
        if (!scheme.equals(lower(base.scheme))) {
            return new NotFollowed(url, "it uses another scheme (" + scheme + ", not " + lower(base.scheme) + ")");
        }
        if (target.authority == null) {
            return new NotFollowed(url, "it names no host");
        }
        Authority from = Authority.parse(base.authority, scheme);
        Authority to = Authority.parse(target.authority, scheme);
        if (to.port == Authority.INVALID) {
            return new NotFollowed(url, "its port is not a number (" + target.authority + ")");
        }
        if (!to.host.equals(from.host)) {
            return new NotFollowed(url, "it leads to another host (" + to.host + ", not " + from.host + ")");
        }
        if (to.port != from.port) {
            return new NotFollowed(url, "it leads to another port (" + to.port + ", not " + from.port + ")");
        }
        String path = target.path.isEmpty() ? "/" : target.path;
        String sent = target.query == null ? path : path + "?" + target.query;
        // The same origin, so shown with the request's own authority: no user info, case or default port as written.
        String followed = lower(base.scheme) + "://" + base.authority + sent;
        return new Follow(followed, sent);
    }

    /**
     * RFC 3986 §5.2.2, then percent-encoding of what a browser would encode. As RFC 3986 §5.4.2
     * allows for backward compatibility (and browsers do), a reference with the base's scheme but
     * no authority ({@code http:g}) is read as relative.
     *
     * @param base an absolute URL
     * @param reference a URI reference
     * @return the resolved URL, with the reference's fragment
     */
    public static String resolve(String base, String reference) {
        return resolve(Reference.parse(base), Reference.parse(reference)).toString();
    }

    private static Reference resolve(Reference base, Reference r) {
        @Nullable String scheme = r.scheme;
        if (scheme != null && r.authority == null && base.scheme != null && lower(scheme).equals(lower(base.scheme))) {
            scheme = null;
        }
        Reference t;
        if (scheme != null) {
            t = new Reference(scheme, r.authority, removeDotSegments(r.path), r.query, r.fragment);
        } else if (r.authority != null) {
            t = new Reference(base.scheme, r.authority, removeDotSegments(r.path), r.query, r.fragment);
        } else if (r.path.isEmpty()) {
            t = new Reference(base.scheme, base.authority, base.path, r.query != null ? r.query : base.query, r.fragment);
        } else if (r.path.startsWith("/")) {
            t = new Reference(base.scheme, base.authority, removeDotSegments(r.path), r.query, r.fragment);
        } else {
            t = new Reference(base.scheme, base.authority, removeDotSegments(merge(base, r.path)), r.query, r.fragment);
        }
        return new Reference(t.scheme, t.authority, encode(t.path, false), t.query == null ? null : encode(t.query, true),
                t.fragment == null ? null : encode(t.fragment, true));
    }

    /** RFC 3986 §5.2.3. */
    private static String merge(Reference base, String path) {
        if (base.authority != null && base.path.isEmpty()) {
            return "/" + path;
        }
        int slash = base.path.lastIndexOf('/');
        return slash < 0 ? path : base.path.substring(0, slash + 1) + path;
    }

    /** RFC 3986 §5.2.4. */
    static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) {
            return path;
        }
        String in = path;
        StringBuilder out = new StringBuilder(path.length());
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {
                in = in.substring(3);
                removeLastSegment(out);
            } else if (in.equals("/..")) {
                in = "/";
                removeLastSegment(out);
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', 1);
                int end = next < 0 ? in.length() : next;
                out.append(in, 0, end);
                in = in.substring(end);
            }
        }
        return out.toString();
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }

    /** Encodes, as UTF-8, every character that is not a letter, digit, allowed symbol or valid escape. */
    static String encode(String s, boolean query) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PCHAR_SYMBOLS.indexOf(c) >= 0 || (query && c == '?')
                    || (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)));
            if (keep) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    ? i + 2 : i + 1;
            byte[] bytes = Character.isSurrogate(c) && end == i + 1
                    ? new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}
                    : s.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
            i = end - 1;
        }
        return out == null ? s : out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String lower(@Nullable String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The five parts of RFC 3986 Appendix B; absent parts are null (an empty path is ""). */
    private record Reference(@Nullable String scheme, @Nullable String authority, String path,
            @Nullable String query, @Nullable String fragment) {

        static Reference parse(String s) {
            String rest = s;
            String fragment = null;
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                fragment = rest.substring(hash + 1);
                rest = rest.substring(0, hash);
            }
            String query = null;
            int question = rest.indexOf('?');
            if (question >= 0) {
                query = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
            String scheme = null;
            int colon = rest.indexOf(':');
            if (colon > 0 && isScheme(rest.substring(0, colon)) && rest.lastIndexOf('/', colon) < 0) {
                scheme = rest.substring(0, colon);
                rest = rest.substring(colon + 1);
            }
            String authority = null;
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                int end = slash < 0 ? rest.length() : slash;
                authority = rest.substring(2, end);
                rest = rest.substring(end);
            }
            return new Reference(scheme, authority, rest, query, fragment);
        }

        private static boolean isScheme(String s) {
            char first = s.charAt(0);
            if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
                return false;
            }
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '+' || c == '-' || c == '.';
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** RFC 3986 §5.3. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            if (scheme != null) {
                out.append(scheme).append(':');
            }
            if (authority != null) {
                out.append("//").append(authority);
            }
            out.append(path);
            if (query != null) {
                out.append('?').append(query);
            }
            if (fragment != null) {
                out.append('#').append(fragment);
            }
            return out.toString();
        }
    }

    /** Host (lower case) and port (the scheme's default when absent) of an authority. */
    private record Authority(String host, int port) {

        static final int INVALID = -2;

        static Authority parse(String authority, String scheme) {
            String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0 || hostPort.indexOf(']', colon) >= 0) {
                return new Authority(hostPort.toLowerCase(Locale.ROOT), defaultPort(scheme));
            }
            String host = hostPort.substring(0, colon).toLowerCase(Locale.ROOT);
            String port = hostPort.substring(colon + 1);
            if (port.isEmpty()) {
                return new Authority(host, defaultPort(scheme));
            }
            if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new Authority(host, INVALID);
            }
            return new Authority(host, Integer.parseInt(port));
        }

        private static int defaultPort(String scheme) {
            return switch (scheme) {
                case "http", "ws" -> 80;
                case "https", "wss" -> 443;
                default -> -1;
            };
        }
    }
}
