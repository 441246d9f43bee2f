package dev.testlet.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a cookie a test sends may contain (RFC 6265 §4.1.1): a name that is a token, a value of
 * cookie-octets, optionally in double quotes. Anything else would split into two cookies
 * ({@code "guest; admin=true"}) or be read differently by each server, so it is refused with the
 * character and its index. Values are never printed: they are often secrets.
 *
 * <pre>{@code
 * CookieRules.check("session", "abc123");              // fine
 * CookieRules.check("session", "guest; admin=true");
 * // IllegalArgumentException: cookie session has a value with ';' at index 5; a cookie value may hold ...
 * }</pre>
 */
public final class CookieRules {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private CookieRules() {}

    /**
     * Checks a cookie's name and value.
     *
     * @param name the cookie name
     * @param value the cookie value
     * @throws IllegalArgumentException naming the first character a cookie cannot carry, its index,
     *     and what to do
     */
    public static void check(@Nullable String name, @Nullable String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a cookie needs a name, but got " + (name == null ? "null" : "\"\""));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                throw new IllegalArgumentException("cookie name \"" + name + "\" has " + describe(name, i)
                        + " at index " + i + "; a cookie name may hold letters, digits and " + TOKEN_SYMBOLS
                        + " only (RFC 6265)");
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("cookie " + name + " has a null value; use \"\" for an empty value");
        }
        boolean quoted = value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"';
        int from = quoted ? 1 : 0;
        int to = quoted ? value.length() - 1 : value.length();
        for (int i = from; i < to; i++) {
            if (!isCookieOctet(value.charAt(i))) {
                throw new IllegalArgumentException("cookie " + name + " has a value with " + describe(value, i)
                        + " at index " + i + "; a cookie value may hold letters, digits and"
                        + " !#$%&'()*+-./:<=>?@[]^_`{|}~ only, optionally in double quotes (RFC 6265):"
                        + " encode it, for example with URLEncoder.encode(value, UTF_8) or Base64");
            }
        }
    }

    private static boolean isTokenChar(char c) {
        return isAlnum(c) || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    /** %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E: visible ASCII but {@code " , ; \}. */
    private static boolean isCookieOctet(char c) {
        return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String describe(String s, int index) {
        char c = s.charAt(index);
        if (c == ' ') {
            return "a space";
        }
        if (c == '"') {
            return "a double quote";
        }
        if (c < ' ' || c == 0x7f) {
            return String.format(Locale.ROOT, "control character U+%04X", (int) c);
        }
        if (c > 0x7e) {
            int codePoint = s.codePointAt(index);
            return "the non-ASCII character '" + Character.toString(codePoint) + "' ("
                    + String.format(Locale.ROOT, "U+%04X", codePoint) + ")";
        }
        return "'" + c + "'";
    }
}
