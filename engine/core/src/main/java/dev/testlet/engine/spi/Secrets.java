package dev.testlet.engine.spi;

import java.util.Locale;

/**
 * Masks credentials before anything is printed: {@code Authorization} keeps its scheme,
 * cookies keep their names, the values become {@code ***}.
 *
 * <pre>{@code
 * Secrets.maskHeader("Authorization", "Bearer abc")   // "Bearer ***"
 * Secrets.maskHeader("Cookie", "a=1; b=2")            // "a=***; b=***"
 * }</pre>
 */
public final class Secrets {

    private Secrets() {}

    /**
     * The value to print for a header.
     *
     * @param name the header name
     * @param value the real value
     * @return the value with any secret replaced by {@code ***}
     */
    public static String maskHeader(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "authorization", "proxy-authorization" -> maskCredentials(value);
            case "cookie" -> maskCookiePairs(value);
            case "set-cookie" -> maskSetCookie(value);
            default -> lower.contains("token") || lower.contains("api-key") || lower.contains("secret")
                    ? "***" : value;
        };
    }

    private static String maskCredentials(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? "***" : value.substring(0, space) + " ***";
    }

    private static String maskCookiePairs(String value) {
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
            out.append(eq < 0 ? p : p.substring(0, eq + 1) + "***");
        }
        return out.toString();
    }

    private static String maskSetCookie(String value) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            return value;
        }
        int semi = value.indexOf(';', eq);
        return value.substring(0, eq + 1) + "***" + (semi < 0 ? "" : value.substring(semi));
    }
}
