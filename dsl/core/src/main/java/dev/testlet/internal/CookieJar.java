package dev.testlet.internal;

import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A client's cookies, kept as a browser keeps them (RFC 6265): stored from {@code Set-Cookie}, sent
 * back to matching paths and hosts, forgotten when they expire or are deleted with
 * {@code Max-Age=0}. The in-process server counts as a secure origin, as curl treats localhost, so
 * {@code Secure} cookies work in tests. Thread-safe.
 *
 * <p>Every request asks the jar and every response offers it cookies, from as many threads as there
 * are requests in flight; when there is nothing to store and nothing stored (most APIs), neither takes
 * the lock.
 */
public final class CookieJar {

    private record Stored(String name, String value, String domain, boolean hostOnly, String path,
            long expiresAtMillis, long order) {
        boolean expired(long now) {
            return expiresAtMillis >= 0 && expiresAtMillis <= now;
        }
    }

    private final List<Stored> cookies = new ArrayList<>();
    private long counter;
    /** How many cookies are stored: written under the lock after each change, read without it. */
    private volatile int stored;

    /**
     * Stores the cookies a response set.
     *
     * @param host the host the request went to
     * @param requestPath the path of the request (for the default cookie path)
     * @param setCookies the {@code Set-Cookie} values of the response
     */
    public void store(String host, String requestPath, List<String> setCookies) {
        if (setCookies.isEmpty()) {
            return;
        }
        synchronized (this) {
            storeLocked(host, requestPath, setCookies);
            stored = cookies.size();
        }
    }

    private void storeLocked(String host, String requestPath, List<String> setCookies) {
        long now = System.currentTimeMillis();
        for (String header : setCookies) {
            for (HttpCookie c : parse(header)) {
                String domain = c.getDomain() == null ? host : trimDot(c.getDomain().toLowerCase(Locale.ROOT));
                boolean hostOnly = c.getDomain() == null;
                if (!hostOnly && !domainMatches(host, domain)) {
                    continue;
                }
                String path = c.getPath() == null || !c.getPath().startsWith("/") ? defaultPath(requestPath) : c.getPath();
                long maxAge = c.getMaxAge();
                long expires = maxAge < 0 ? -1 : now + maxAge * 1000;
                cookies.removeIf(s -> s.name.equals(c.getName()) && s.domain.equals(domain) && s.path.equals(path));
                if (maxAge != 0) {
                    cookies.add(new Stored(c.getName(), c.getValue(), domain, hostOnly, path, expires, counter++));
                }
            }
        }
    }

    /**
     * The cookies one {@code Set-Cookie} value sets: the one place Testlet parses that header.
     *
     * <pre>{@code CookieJar.parse("theme=dark; Path=/").get(0).getValue()   // "dark"}</pre>
     *
     * @param setCookie the header value
     * @return the cookies; empty when the value is malformed
     */
    public static List<HttpCookie> parse(String setCookie) {
        try {
            return HttpCookie.parse("set-cookie:" + setCookie);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The {@code Cookie} header for a request, or null when no cookie matches.
     *
     * @param host the host of the request
     * @param path the path of the request
     * @return "name=value; name2=value2", longest paths first
     */
    public @Nullable String headerFor(String host, String path) {
        if (stored == 0) {
            return null;
        }
        synchronized (this) {
            String header = headerForLocked(host, path);
            stored = cookies.size();
            return header;
        }
    }

    private @Nullable String headerForLocked(String host, String path) {
        long now = System.currentTimeMillis();
        cookies.removeIf(c -> c.expired(now));
        List<Stored> matching = new ArrayList<>();
        for (Stored c : cookies) {
            boolean hostOk = c.hostOnly ? c.domain.equalsIgnoreCase(host) : domainMatches(host, c.domain);
            if (hostOk && pathMatches(path, c.path)) {
                matching.add(c);
            }
        }
        if (matching.isEmpty()) {
            return null;
        }
        matching.sort(Comparator.comparingInt((Stored c) -> -c.path.length()).thenComparingLong(c -> c.order));
        StringBuilder out = new StringBuilder();
        for (Stored c : matching) {
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(c.name).append('=').append(c.value);
        }
        return out.toString();
    }

    /**
     * The live cookies, by name (the most recently set wins when names repeat across paths).
     *
     * @return name to value
     */
    public synchronized Map<String, String> snapshot() {
        long now = System.currentTimeMillis();
        Map<String, String> out = new LinkedHashMap<>();
        for (Stored c : cookies) {
            if (!c.expired(now)) {
                out.put(c.name, c.value);
            }
        }
        return out;
    }

    /** Forgets every cookie. */
    public synchronized void clear() {
        cookies.clear();
        stored = 0;
    }

    private static boolean domainMatches(String host, String domain) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(domain) || h.endsWith("." + domain);
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }

    private static String defaultPath(String requestPath) {
        int last = requestPath.lastIndexOf('/');
        return last <= 0 ? "/" : requestPath.substring(0, last);
    }

    private static String trimDot(String domain) {
        return domain.startsWith(".") ? domain.substring(1) : domain;
    }
}
