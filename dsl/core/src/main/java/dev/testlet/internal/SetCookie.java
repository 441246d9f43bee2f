package dev.testlet.internal;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One {@code Set-Cookie} header read as browsers read it: RFC 6265 §5.2 (parsing, including the
 * lenient cookie-date of §5.1.1) and §5.3 (what is stored), with the size and control-character
 * rules of RFC 6265bis. What a browser would drop is not dropped silently: the result says why, and
 * which attributes were ignored.
 *
 * <pre>{@code
 * SetCookie.parse("sid=abc; Path=/; Max-Age=60", "localhost", "/login", now).cookie()   // sid=abc for / for 60 s
 * SetCookie.parse("sid=abc; Domain=example.org", "localhost", "/", now).rejected()
 * // "its Domain example.org does not match the host localhost"
 * }</pre>
 */
public final class SetCookie {

    /** The most bytes a cookie's name and value may have together (RFC 6265bis §5.6). */
    public static final int MAX_NAME_AND_VALUE = 4096;
    /** The most bytes an attribute value may have; a longer attribute is ignored (RFC 6265bis §5.6). */
    public static final int MAX_ATTRIBUTE_VALUE = 1024;

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private SetCookie() {}

    /**
     * A cookie to store.
     *
     * @param name the name
     * @param value the value, as sent (quotes kept, as browsers keep them)
     * @param domain the domain it is sent to (the request host for a host-only cookie)
     * @param hostOnly whether it goes only to exactly that host
     * @param path the path it is sent under
     * @param expiresAtMillis when it expires, or -1 for a session cookie; at or before now means delete
     * @param secure whether it had {@code Secure}
     * @param httpOnly whether it had {@code HttpOnly}
     */
    public record Cookie(String name, String value, String domain, boolean hostOnly, String path,
            long expiresAtMillis, boolean secure, boolean httpOnly) {}

    /**
     * What a {@code Set-Cookie} header came to.
     *
     * @param cookie the cookie to store, or null when it is ignored
     * @param rejected why it is ignored, or null when it is stored
     * @param notes attributes that were ignored, and why
     */
    public record Result(@Nullable Cookie cookie, @Nullable String rejected, List<String> notes) {}

    /** How much of a {@code Set-Cookie} a report line shows before it is cut. */
    private static final int SHOWN_CHARS = 200;

    /**
     * A {@code Set-Cookie} as a report line shows it: a secret-looking cookie's value masked, and a
     * long header cut with its size, so a note never carries kilobytes.
     *
     * <pre>{@code SetCookie.shown("SESSION=abc; Path=/")   // Set-Cookie: SESSION=***; Path=/}</pre>
     *
     * @param header the header value as the server sent it
     * @return the line's start
     */
    public static String shown(String header) {
        String masked = dev.testlet.engine.spi.Secrets.maskHeader("Set-Cookie", header);
        if (masked.length() > SHOWN_CHARS) {
            masked = masked.substring(0, SHOWN_CHARS) + "... (" + String.format(Locale.ROOT, "%,d", header.length())
                    + " characters)";
        }
        return "Set-Cookie: " + masked;
    }

    /**
     * The name and value one header sets, whatever its attributes say (RFC 6265 5.2, steps 1 to 5):
     * what a test reads from a response, before any browser rule decides whether to keep it.
     *
     * <pre>{@code SetCookie.nameAndValue("theme=dark; Path=/")   // theme=dark}</pre>
     *
     * @param header the {@code Set-Cookie} value
     * @return the pair, or null when the header has no name before an '='
     */
    public static java.util.Map.@Nullable Entry<String, String> nameAndValue(String header) {
        int semi = header.indexOf(';');
        String pair = semi < 0 ? header : header.substring(0, semi);
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return null;
        }
        String name = trim(pair.substring(0, eq));
        return name.isEmpty() ? null : java.util.Map.entry(name, trim(pair.substring(eq + 1)));
    }

    /**
     * Reads one header.
     *
     * @param header the {@code Set-Cookie} value
     * @param host the host the request went to
     * @param requestPath the request's path, for the default cookie path
     * @param nowMillis the time now, for {@code Max-Age}
     * @return the cookie or why it is ignored
     */
    public static Result parse(String header, String host, String requestPath, long nowMillis) {
        int semi = header.indexOf(';');
        String pair = semi < 0 ? header : header.substring(0, semi);
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return rejected("it has no '=' between a cookie name and a value");
        }
        String name = trim(pair.substring(0, eq));
        String value = trim(pair.substring(eq + 1));
        if (name.isEmpty()) {
            return rejected("its cookie name is empty");
        }
        String control = controlCharacter(name + value);
        if (control != null) {
            return rejected("it contains " + control + ", which browsers refuse in a cookie");
        }
        int size = utf8Length(name) + utf8Length(value);
        if (size > MAX_NAME_AND_VALUE) {
            return rejected(String.format(Locale.ROOT, "its name and value are %,d bytes, more than the %,d browsers keep",
                    size, MAX_NAME_AND_VALUE));
        }
        List<String> notes = new ArrayList<>();
        long maxAgeExpiry = Long.MIN_VALUE;
        long expiresExpiry = Long.MIN_VALUE;
        String domain = "";
        String path = null;
        boolean secure = false;
        boolean httpOnly = false;
        for (String av : semi < 0 ? new String[0] : header.substring(semi + 1).split(";", -1)) {
            int avEq = av.indexOf('=');
            String attribute = trim(avEq < 0 ? av : av.substring(0, avEq));
            String attributeValue = avEq < 0 ? "" : trim(av.substring(avEq + 1));
            String lower = attribute.toLowerCase(Locale.ROOT);
            if (utf8Length(attributeValue) > MAX_ATTRIBUTE_VALUE) {
                notes.add(String.format(Locale.ROOT, "its %s attribute was ignored: its value is %,d bytes, more than"
                        + " the %,d browsers accept", attribute, utf8Length(attributeValue), MAX_ATTRIBUTE_VALUE));
                continue;
            }
            switch (lower) {
                case "expires" -> {
                    long at = cookieDate(attributeValue);
                    if (at == Long.MIN_VALUE) {
                        notes.add("its Expires \"" + attributeValue + "\" is not a date, so it was ignored");
                    } else {
                        expiresExpiry = at;
                    }
                }
                case "max-age" -> {
                    Long seconds = maxAge(attributeValue);
                    if (seconds == null) {
                        notes.add("its Max-Age \"" + attributeValue + "\" is not a whole number of seconds, so it was ignored");
                    } else {
                        maxAgeExpiry = seconds <= 0 ? 0 : saturatedAdd(nowMillis, seconds);
                    }
                }
                case "domain" -> {
                    if (attributeValue.isEmpty()) {
                        notes.add("its empty Domain was ignored");
                    } else {
                        String d = attributeValue.startsWith(".") ? attributeValue.substring(1) : attributeValue;
                        domain = d.toLowerCase(Locale.ROOT);
                    }
                }
                case "path" -> path = attributeValue.startsWith("/") ? attributeValue : null;
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                default -> {
                    // SameSite, Partitioned, Priority and unknown attributes change nothing a test client does
                }
            }
        }
        String requestHost = host.toLowerCase(Locale.ROOT);
        boolean hostOnly = domain.isEmpty();
        if (!hostOnly && !domainMatches(requestHost, domain)) {
            return new Result(null, "its Domain " + domain + " does not match the host " + requestHost, notes);
        }
        long expires = maxAgeExpiry != Long.MIN_VALUE ? maxAgeExpiry : expiresExpiry != Long.MIN_VALUE ? expiresExpiry : -1;
        Cookie cookie = new Cookie(name, value, hostOnly ? requestHost : domain, hostOnly,
                path == null ? defaultPath(requestPath) : path, expires, secure, httpOnly);
        return new Result(cookie, null, List.copyOf(notes));
    }

    /**
     * Whether a host domain-matches a cookie domain (RFC 6265 §5.1.3).
     *
     * @param host the request host, lower case
     * @param domain the cookie domain, lower case
     * @return true when equal, or when host is a name ending in "." + domain
     */
    public static boolean domainMatches(String host, String domain) {
        return host.equals(domain) || (host.endsWith("." + domain) && !isIpAddress(host));
    }

    /**
     * The default path of a cookie (RFC 6265 §5.1.4): the request path up to its last {@code /}.
     *
     * @param requestPath the path of the request
     * @return the default path
     */
    public static String defaultPath(String requestPath) {
        int last = requestPath.lastIndexOf('/');
        return !requestPath.startsWith("/") || last <= 0 ? "/" : requestPath.substring(0, last);
    }

    /**
     * A cookie-date (RFC 6265 §5.1.1), as lenient as browsers: tokens in any order, the first time,
     * day, month and year found.
     *
     * @param text the date text
     * @return milliseconds since the epoch, or {@link Long#MIN_VALUE} when it is not a date
     */
    static long cookieDate(String text) {
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isDelimiter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isDelimiter(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                continue;
            }
            String token = text.substring(start, i);
            int[] hms;
            if (hour < 0 && (hms = time(token)) != null) {
                hour = hms[0];
                minute = hms[1];
                second = hms[2];
            } else if (day < 0 && leadingDigits(token, 1, 2) >= 0) {
                day = leadingDigits(token, 1, 2);
            } else if (month < 0 && month(token) >= 0) {
                month = month(token);
            } else if (year < 0 && leadingDigits(token, 2, 4) >= 0) {
                year = leadingDigits(token, 2, 4);
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDateTime.of(year, month + 1, day, hour, minute, second).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
    private static boolean isDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60)
                || (c >= 0x7B && c <= 0x7E);
    }

    /** hms-time = time-field ":" time-field ":" time-field, then a non-digit and anything. */
    private static int @Nullable [] time(String token) {
        int[] out = new int[3];
        int i = 0;
        for (int field = 0; field < 3; field++) {
            int start = i;
            while (i < token.length() && i - start < 2 && isDigit(token.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
            out[field] = Integer.parseInt(token.substring(start, i));
            if (field < 2) {
                if (i >= token.length() || token.charAt(i) != ':') {
                    return null;
                }
                i++;
            }
        }
        return i < token.length() && isDigit(token.charAt(i)) ? null : out;
    }

    /** min to max digits, then a non-digit and anything; the number, or -1. */
    private static int leadingDigits(String token, int min, int max) {
        int i = 0;
        while (i < token.length() && isDigit(token.charAt(i))) {
            i++;
        }
        if (i < min || i > max) {
            return -1;
        }
        return Integer.parseInt(token.substring(0, i));
    }

    private static int month(String token) {
        if (token.length() < 3) {
            return -1;
        }
        return MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT));
    }

    /** Max-Age: an optional '-' then digits only; seconds, or null when it is not that. */
    private static @Nullable Long maxAge(String value) {
        boolean negative = value.startsWith("-");
        String digits = negative ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        if (negative) {
            return 0L;
        }
        return digits.length() > 18 ? Long.MAX_VALUE / 1000 : Long.parseLong(digits);
    }

    private static long saturatedAdd(long nowMillis, long seconds) {
        long millis = seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
        return millis > Long.MAX_VALUE - nowMillis ? Long.MAX_VALUE : nowMillis + millis;
    }

    private static @Nullable String controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return String.format(Locale.ROOT, "control character U+%04X", (int) c);
            }
        }
        return null;
    }

    private static boolean isIpAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Removes leading and trailing spaces and tabs (WSP), as RFC 6265 says; nothing else. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static Result rejected(String why) {
        return new Result(null, why, List.of());
    }
}
