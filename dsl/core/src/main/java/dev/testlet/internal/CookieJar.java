package dev.testlet.internal;

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
 * {@code Secure} cookies work in tests. A {@code Set-Cookie} a browser would ignore, or whose
 * attributes it would ignore, is not skipped silently: {@link #store} returns each one with the
 * reason, for the report. Thread-safe.
 *
 * <p>Every request asks the jar and every response offers it cookies, from as many threads as there
 * are requests in flight; when there is nothing to store and nothing stored (most APIs), neither takes
 * the lock.
 *
 * <pre>{@code
 * List<CookieJar.Problem> problems = jar.store("localhost", "/login", response.headers().all("Set-Cookie"));
 * problems.forEach(p -> report(p.describe()));
 * // Set-Cookie: t=***; Domain=example.org ignored: its Domain example.org does not match the host localhost
 * }</pre>
 */
public final class CookieJar {

    /**
     * A {@code Set-Cookie} that was ignored, or stored with some of its attributes ignored.
     *
     * @param setCookie the header value as the server sent it
     * @param reason why
     * @param stored whether the cookie was stored all the same (only an attribute was ignored)
     */
    public record Problem(String setCookie, String reason, boolean stored) {

        /**
         * The problem in one line for the report, the cookie's value masked.
         *
         * @return e.g. {@code Set-Cookie: sid=***; Max-Age=soon stored, but its Max-Age "soon" is not ...}
         */
        public String describe() {
            return SetCookie.shown(setCookie) + (stored ? " stored, but " : " ignored: ")
                    + reason;
        }
    }

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
     * @return the headers that were ignored, or had attributes ignored, with the reasons; empty when
     *     every one was stored as it was
     */
    public List<Problem> store(String host, String requestPath, List<String> setCookies) {
        if (setCookies.isEmpty()) {
            return List.of();
        }
        synchronized (this) {
            List<Problem> problems = storeLocked(host, requestPath, setCookies);
            stored = cookies.size();
            return problems;
        }
    }

    private List<Problem> storeLocked(String host, String requestPath, List<String> setCookies) {
        long now = System.currentTimeMillis();
        List<Problem> problems = List.of();
        for (String header : setCookies) {
            SetCookie.Result result = SetCookie.parse(header, host, requestPath, now);
            SetCookie.Cookie c = result.cookie();
            if (c == null || !result.notes().isEmpty()) {
                if (problems.isEmpty()) {
                    problems = new ArrayList<>(2);
                }
                problems.add(new Problem(header, c == null ? String.valueOf(result.rejected())
                        : String.join("; ", result.notes()), c != null));
            }
            if (c == null) {
                continue;
            }
            cookies.removeIf(s -> s.name.equals(c.name()) && s.domain.equals(c.domain()) && s.path.equals(c.path()));
            if (c.expiresAtMillis() < 0 || c.expiresAtMillis() > now) {
                cookies.add(new Stored(c.name(), c.value(), c.domain(), c.hostOnly(), c.path(), c.expiresAtMillis(),
                        counter++));
            }
        }
        return problems.isEmpty() ? List.of() : List.copyOf(problems);
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
        return SetCookie.domainMatches(host.toLowerCase(Locale.ROOT), domain);
    }

    private static boolean pathMatches(String requestPath, String cookiePath) {
        if (requestPath.equals(cookiePath)) {
            return true;
        }
        return requestPath.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
    }
}
