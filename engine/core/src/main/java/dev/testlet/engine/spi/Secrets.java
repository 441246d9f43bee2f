package dev.testlet.engine.spi;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What failure reports mask, so that a report pasted into a chat or a CI log leaks no credential, while
 * the rest stays readable and the curl line can be replayed: {@code Authorization} keeps its scheme,
 * a cookie whose name looks secret (a session, a token) keeps its name, and other cookies and headers
 * are shown as they are. A name is secret when it contains {@code session}, {@code sess},
 * {@code token}, {@code auth}, {@code secret}, {@code password}, {@code passwd}, {@code api-key},
 * {@code apikey}, {@code api_key}, {@code credential}, {@code csrf} or {@code xsrf}, is {@code sid} or
 * ends with {@code .sid} ({@code connect.sid}), or is one of the names added by a client
 * ({@link #withNames}) or by {@code -Dtestlet.masked=name,name}. Immutable.
 *
 * <p>On their own machine, users can see the values: {@code -Dtestlet.reveal=true} turns masking off,
 * except when the {@code CI} environment variable is set (as CI services set it), where it is ignored.
 *
 * <pre>{@code
 * Secrets s = Secrets.standard();
 * s.header("Authorization", "Bearer abc")        // "Bearer ***"
 * s.header("Cookie", "JSESSIONID=1f; theme=dark") // "JSESSIONID=***; theme=dark"
 * s.withNames(List.of("X-Tenant")).header("X-Tenant", "acme")   // "***"
 * }</pre>
 */
public final class Secrets {

    /** The system property that shows masked values on a developer's machine. */
    public static final String REVEAL_PROPERTY = "testlet.reveal";

    /**
     * The system property with more names to mask everywhere, comma-separated
     * ({@code -Dtestlet.masked=X-Tenant,device_id}), also in the JUnit extension's report of a test's traffic.
     */
    public static final String MASKED_PROPERTY = "testlet.masked";

    /** What a masked value is printed as. */
    public static final String MASK = "***";

    private static final List<String> SECRET_PARTS = List.of("session", "sess", "token", "auth", "secret", "password",
            "passwd", "api-key", "apikey", "api_key", "credential", "csrf", "xsrf");

    private final Set<String> names;
    private final boolean reveal;
    private final boolean revealIgnoredOnCi;

    private Secrets(Set<String> names, boolean reveal, boolean revealIgnoredOnCi) {
        this.names = Set.copyOf(names);
        this.reveal = reveal;
        this.revealIgnoredOnCi = revealIgnoredOnCi;
    }

    /**
     * The standard rules; values are revealed when {@code -Dtestlet.reveal=true} and {@code CI} is not set.
     *
     * <pre>{@code Secrets.standard().header("Cookie", "sid=1")   // "sid=***"}</pre>
     *
     * @return the rules
     */
    public static Secrets standard() {
        Secrets standard = of(System.getProperty(REVEAL_PROPERTY), System.getenv("CI"));
        String more = System.getProperty(MASKED_PROPERTY);
        return more == null || more.isBlank() ? standard
                : standard.withNames(java.util.Arrays.stream(more.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
    }

    /**
     * The standard rules, for a given reveal property and {@code CI} variable.
     *
     * <pre>{@code Secrets.of("true", null).reveals()   // true; Secrets.of("true", "true").reveals() is false}</pre>
     *
     * @param revealProperty the value of {@code testlet.reveal}, or null
     * @param ci the value of the {@code CI} environment variable, or null
     * @return the rules
     */
    public static Secrets of(@Nullable String revealProperty, @Nullable String ci) {
        boolean asked = revealProperty != null && (revealProperty.isEmpty() || Boolean.parseBoolean(revealProperty));
        boolean onCi = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        return new Secrets(Set.of(), asked && !onCi, asked && onCi);
    }

    /**
     * These rules, with more names (of headers or cookies, any case) whose values are secret.
     *
     * <pre>{@code Secrets.standard().withNames(List.of("X-Tenant", "device_id"))}</pre>
     *
     * @param more the names
     * @return the new rules
     */
    public Secrets withNames(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(names);
        for (String name : more) {
            all.add(name.toLowerCase(Locale.ROOT));
        }
        return new Secrets(all, reveal, revealIgnoredOnCi);
    }

    /**
     * These rules with the names of others too (their reveal setting is not taken).
     *
     * <pre>{@code testRules.and(clientRules)}</pre>
     *
     * @param other more rules
     * @return these rules, when they already have every name of {@code other}; otherwise new ones
     */
    public Secrets and(Secrets other) {
        if (other.names.isEmpty() || names.containsAll(other.names)) {
            return this;
        }
        Set<String> all = new LinkedHashSet<>(names);
        all.addAll(other.names);
        return new Secrets(all, reveal, revealIgnoredOnCi);
    }

    /**
     * Whether names were added to the standard ones ({@link #withNames}, {@code -Dtestlet.masked}).
     *
     * @return true when there are added names
     */
    public boolean addsNames() {
        return !names.isEmpty();
    }

    /**
     * Whether values are shown as they are ({@code -Dtestlet.reveal=true}, not on CI).
     *
     * @return true when nothing is masked
     */
    public boolean reveals() {
        return reveal;
    }

    /**
     * Whether {@code -Dtestlet.reveal=true} was asked for but ignored because {@code CI} is set.
     *
     * @return true when the reveal request was ignored
     */
    public boolean revealIgnoredOnCi() {
        return revealIgnoredOnCi;
    }

    /**
     * Whether the value of a header or cookie of this name is secret.
     *
     * <pre>{@code Secrets.standard().isSecret("JSESSIONID")   // true; "theme" is not}</pre>
     *
     * @param name a header or cookie name
     * @return true when its value is masked
     */
    public boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT).trim();
        if (names.contains(lower) || lower.equals("sid") || lower.endsWith(".sid")) {
            return true;
        }
        for (String part : SECRET_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value to print for a header: credentials after their scheme, the values of secret cookies,
     * the whole value of a secret header; unchanged when revealing.
     *
     * <pre>{@code Secrets.standard().header("Set-Cookie", "SESSION=abc; Path=/")   // "SESSION=***; Path=/"}</pre>
     *
     * @param name the header name
     * @param value the real value
     * @return the value to print
     */
    public String header(String name, String value) {
        return reveal ? value : mask(name, value);
    }

    /**
     * Whether these rules hide (or, when revealing, would hide) part of a header's value.
     *
     * <pre>{@code Secrets.standard().hides("Cookie", "theme=dark")   // false}</pre>
     *
     * @param name the header name
     * @param value the real value
     * @return true when the value has a secret in it
     */
    public boolean hides(String name, String value) {
        return !mask(name, value).equals(value);
    }

    private String mask(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "authorization", "proxy-authorization" -> credentials(value);
            case "cookie" -> cookiePairs(value);
            case "set-cookie" -> setCookie(value);
            default -> isSecret(lower) ? MASK : value;
        };
    }

    /**
     * The value to print for a header, by the standard rules.
     *
     * <pre>{@code Secrets.maskHeader("Authorization", "Bearer abc")   // "Bearer ***"}</pre>
     *
     * @param name the header name
     * @param value the real value
     * @return the value to print
     */
    public static String maskHeader(String name, String value) {
        return standard().header(name, value);
    }

    private static String credentials(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? MASK : value.substring(0, space) + " " + MASK;
    }

    private String cookiePairs(String value) {
        StringBuilder out = new StringBuilder();
        for (String pair : value.split(";")) {
            String p = pair.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("; ");
            }
            int eq = p.indexOf('=');
            out.append(eq < 0 || !isSecret(p.substring(0, eq)) ? p : p.substring(0, eq + 1) + MASK);
        }
        return out.toString();
    }

    private String setCookie(String value) {
        int eq = value.indexOf('=');
        int semi = value.indexOf(';');
        if (eq < 0 || (semi >= 0 && semi < eq) || !isSecret(value.substring(0, eq))) {
            return value;
        }
        int end = value.indexOf(';', eq);
        return value.substring(0, eq + 1) + MASK + (end < 0 ? "" : value.substring(end));
    }

    /**
     * The line a report adds after a masked curl line: how to see the values, or why they stay hidden.
     *
     * <pre>{@code (*** hides a secret value; run with -Dtestlet.reveal=true to see it on your machine)}</pre>
     *
     * @return the note
     */
    public String note() {
        if (reveal) {
            return "(secret values are shown: -D" + REVEAL_PROPERTY + "=true; keep this report to yourself)";
        }
        if (revealIgnoredOnCi) {
            return "(" + MASK + " hides a secret value; -D" + REVEAL_PROPERTY
                    + "=true is ignored because the CI environment variable is set)";
        }
        return "(" + MASK + " hides a secret value; run with -D" + REVEAL_PROPERTY + "=true to see it on your machine)";
    }

    @Override
    public String toString() {
        return "Secrets" + (names.isEmpty() ? "" : " also " + names) + (reveal ? " (revealed)" : "");
    }
}
