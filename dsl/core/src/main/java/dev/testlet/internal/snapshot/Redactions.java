package dev.testlet.internal.snapshot;

import dev.testlet.internal.json.PointerPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * What a snapshot leaves out or replaces before it is compared and written: headers that do not
 * matter (left out), and volatile values (replaced) by JSON pointer pattern, by header name, by
 * cookie name and by regular expression over the rendered text. The exchange's timing is never
 * rendered, so it needs no redaction. Apply with {@link Redactor}.
 *
 * <pre>{@code
 * Redactions suite = Redactions.defaults()
 *         .withJsonPointer("/items/*&#47;id")                  // "[redacted number]"
 *         .withJsonPointer("/**&#47;createdAt", "[timestamp]")
 *         .withHeader("ETag")                                  // "ETag: [redacted]"
 *         .withNumberedPattern("[0-9a-f]{8}-[0-9a-f-]{27}", "uuid"); // [uuid-1], [uuid-2]...
 * Redactions forThisCall = suite.and(Redactions.none().withHeader("X-Request-Id"));
 * }</pre>
 *
 * <p>Defaults: the headers in {@link #DEFAULT_EXCLUDED_HEADERS} are left out; {@code Date} is
 * redacted should it be included; the values of the session cookies in
 * {@link #DEFAULT_SESSION_COOKIES} are redacted in {@code Set-Cookie} (name and attributes kept), and
 * so is the {@code Expires} date of any {@code Set-Cookie} that also has {@code Max-Age} (it is
 * computed from the clock). Immutable and thread-safe; every {@code with...} returns a new value.
 */
public final class Redactions {

    /** What a redacted header or cookie value becomes. */
    public static final String REDACTED = "[redacted]";

    /** Headers left out of response snapshots unless {@link #withIncludedHeader} brings one back. */
    public static final List<String> DEFAULT_EXCLUDED_HEADERS = List.of("Date", "Content-Length",
            "Transfer-Encoding", "Connection", "Keep-Alive", "Server", "X-Powered-By");

    /** Cookies whose values are redacted by default (names compared ignoring case). */
    public static final List<String> DEFAULT_SESSION_COOKIES = List.of("JSESSIONID", "SESSION", "SESSIONID",
            "PHPSESSID", "ASP.NET_SessionId", "connect.sid", "_session_id", "laravel_session", "rack.session",
            "remember-me", "XSRF-TOKEN", "csrftoken");

    /**
     * A JSON value to replace.
     *
     * @param pattern where
     * @param replacement the string it becomes, or null for {@code "[redacted <kind>]"}
     */
    record JsonRedaction(PointerPattern pattern, @Nullable String replacement) {}

    /**
     * Text to replace in the rendering.
     *
     * @param pattern what to find
     * @param replacement a {@link java.util.regex.Matcher} replacement, or for numbered ones the label
     * @param numbered whether each distinct match becomes {@code [label-N]}
     */
    record TextRedaction(Pattern pattern, String replacement, boolean numbered) {}

    private final Set<String> excluded;
    private final Set<String> included;
    private final Set<String> headers;
    private final Set<String> cookies;
    private final List<JsonRedaction> json;
    private final List<TextRedaction> text;

    private Redactions(Set<String> excluded, Set<String> included, Set<String> headers, Set<String> cookies,
            List<JsonRedaction> json, List<TextRedaction> text) {
        this.excluded = Set.copyOf(excluded);
        this.included = Set.copyOf(included);
        this.headers = Set.copyOf(headers);
        this.cookies = Set.copyOf(cookies);
        this.json = List.copyOf(json);
        this.text = List.copyOf(text);
    }

    /**
     * The defaults: transport and volatile headers left out, {@code Date} and session cookies redacted.
     *
     * <pre>{@code Redactions.defaults().withJsonPointer("/id")}</pre>
     *
     * @return the defaults
     */
    public static Redactions defaults() {
        return new Redactions(lower(DEFAULT_EXCLUDED_HEADERS), Set.of(), Set.of("date"), lower(DEFAULT_SESSION_COOKIES),
                List.of(), List.of());
    }

    /**
     * Nothing left out and nothing redacted; the start of per-call additions to {@link #and} onto a
     * client-wide setting.
     *
     * <pre>{@code Redactions.none().withHeader("X-Request-Id")}</pre>
     *
     * @return no redactions
     */
    public static Redactions none() {
        return new Redactions(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of());
    }

    /**
     * A copy that replaces the JSON values at a pointer pattern with {@code "[redacted <kind>]"}
     * ({@code "[redacted number]"}, {@code "[redacted string]"}...), so the snapshot still shows
     * when a value changes its kind. Applies to JSON bodies, JSON event data and JSON messages.
     *
     * <pre>{@code redactions.withJsonPointer("/items/*&#47;id")}</pre>
     *
     * @param pattern a JSON pointer; {@code *} is any one member or element, {@code **} any depth
     * @return the new redactions
     * @throws IllegalArgumentException when the pattern is not a pointer pattern
     */
    public Redactions withJsonPointer(String pattern) {
        return withJson(new JsonRedaction(PointerPattern.compile(pattern), null));
    }

    /**
     * A copy that replaces the JSON values at a pointer pattern with a string.
     *
     * <pre>{@code redactions.withJsonPointer("/createdAt", "[timestamp]")}</pre>
     *
     * @param pattern a JSON pointer pattern
     * @param replacement the string the values become
     * @return the new redactions
     */
    public Redactions withJsonPointer(String pattern, String replacement) {
        return withJson(new JsonRedaction(PointerPattern.compile(pattern), requireText(replacement, "replacement")));
    }

    private Redactions withJson(JsonRedaction redaction) {
        List<JsonRedaction> all = new ArrayList<>(json);
        all.add(redaction);
        return new Redactions(excluded, included, headers, cookies, all, text);
    }

    /**
     * A copy that replaces a response header's value with {@value #REDACTED}.
     *
     * <pre>{@code redactions.withHeader("ETag")}</pre>
     *
     * @param name the header name, any case
     * @return the new redactions
     */
    public Redactions withHeader(String name) {
        return new Redactions(excluded, included, plus(headers, lowerName(name)), cookies, json, text);
    }

    /**
     * A copy that replaces a cookie's value with {@value #REDACTED} in {@code Set-Cookie}, keeping its
     * name and attributes.
     *
     * <pre>{@code redactions.withCookie("auth")   // Set-Cookie: auth=[redacted]; Path=/; HttpOnly}</pre>
     *
     * @param name the cookie name, any case
     * @return the new redactions
     */
    public Redactions withCookie(String name) {
        return new Redactions(excluded, included, headers, plus(cookies, lowerName(name)), json, text);
    }

    /**
     * A copy that leaves a header out of response snapshots.
     *
     * <pre>{@code redactions.withExcludedHeader("X-Request-Id")}</pre>
     *
     * @param name the header name, any case
     * @return the new redactions
     */
    public Redactions withExcludedHeader(String name) {
        String lower = lowerName(name);
        return new Redactions(plus(excluded, lower), minus(included, lower), headers, cookies, json, text);
    }

    /**
     * A copy that shows a header the defaults leave out.
     *
     * <pre>{@code Redactions.defaults().withIncludedHeader("Server")}</pre>
     *
     * @param name the header name, any case
     * @return the new redactions
     */
    public Redactions withIncludedHeader(String name) {
        String lower = lowerName(name);
        return new Redactions(minus(excluded, lower), plus(included, lower), headers, cookies, json, text);
    }

    /**
     * A copy that replaces every match of a regular expression in the rendered snapshot, after the
     * other redactions. The replacement may refer to groups as {@code $1} or {@code ${name}}.
     *
     * <pre>{@code redactions.withPattern("token=\\w+", "token=[redacted]")}</pre>
     *
     * @param regex a {@link Pattern} expression (use {@code (?m)} and friends for flags)
     * @param replacement what each match becomes
     * @return the new redactions
     * @throws IllegalArgumentException when the expression does not compile or the replacement names
     *     a group it does not have
     */
    public Redactions withPattern(String regex, String replacement) {
        Pattern pattern = compile(regex);
        Redactor.checkReplacement(pattern, requireText(replacement, "replacement"));
        return withText(new TextRedaction(pattern, replacement, false));
    }

    /**
     * A copy that replaces each distinct match of a regular expression with {@code [label-N]}, numbered
     * in order of first appearance, so a generated id that appears in the body and in the
     * {@code Location} header is visibly the same value in both places.
     *
     * <pre>{@code redactions.withNumberedPattern("[0-9a-f]{8}-[0-9a-f-]{27}", "uuid")   // [uuid-1]}</pre>
     *
     * @param regex a {@link Pattern} expression
     * @param label the word before the number
     * @return the new redactions
     */
    public Redactions withNumberedPattern(String regex, String label) {
        return withText(new TextRedaction(compile(regex), requireText(label, "label"), true));
    }

    private Redactions withText(TextRedaction redaction) {
        List<TextRedaction> all = new ArrayList<>(text);
        all.add(redaction);
        return new Redactions(excluded, included, headers, cookies, json, all);
    }

    /**
     * These redactions and then {@code more}: both sets of replacements apply; where one says to
     * include a header and the other to exclude it, {@code more} wins. For a client-wide setting plus
     * the redactions of one call.
     *
     * <pre>{@code clientRedactions.and(Redactions.none().withJsonPointer("/id"))}</pre>
     *
     * @param more the redactions to add
     * @return the merged redactions
     */
    public Redactions and(Redactions more) {
        Set<String> ex = new LinkedHashSet<>(excluded);
        ex.removeAll(more.included);
        ex.addAll(more.excluded);
        Set<String> in = new LinkedHashSet<>(included);
        in.removeAll(more.excluded);
        in.addAll(more.included);
        Set<String> h = new LinkedHashSet<>(headers);
        h.addAll(more.headers);
        Set<String> c = new LinkedHashSet<>(cookies);
        c.addAll(more.cookies);
        List<JsonRedaction> j = new ArrayList<>(json);
        j.addAll(more.json);
        List<TextRedaction> t = new ArrayList<>(text);
        t.addAll(more.text);
        return new Redactions(ex, in, h, c, j, t);
    }

    boolean excludes(String header) {
        return excluded.contains(header.toLowerCase(Locale.ROOT));
    }

    boolean redactsHeader(String header) {
        return headers.contains(header.toLowerCase(Locale.ROOT));
    }

    boolean redactsCookie(String cookie) {
        return cookies.contains(cookie.toLowerCase(Locale.ROOT));
    }

    List<JsonRedaction> json() {
        return json;
    }

    List<TextRedaction> text() {
        return text;
    }

    @Override
    public String toString() {
        return "Redactions[excluded headers " + new java.util.TreeSet<>(excluded) + ", redacted headers "
                + new java.util.TreeSet<>(headers) + ", cookies " + new java.util.TreeSet<>(cookies) + ", "
                + json.size() + " JSON pointer(s), " + text.size() + " pattern(s)]";
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(requireText(regex, "regular expression"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    private static String requireText(@Nullable String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " must not be " + (value == null ? "null" : "empty"));
        }
        return value;
    }

    private static String lowerName(@Nullable String name) {
        return requireText(name, "name").toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static Set<String> plus(Set<String> set, String value) {
        Set<String> out = new LinkedHashSet<>(set);
        out.add(value);
        return out;
    }

    private static Set<String> minus(Set<String> set, String value) {
        Set<String> out = new LinkedHashSet<>(set);
        out.remove(value);
        return out;
    }
}
