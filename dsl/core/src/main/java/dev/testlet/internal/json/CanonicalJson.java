package dev.testlet.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * One stable text for a JSON value, so that snapshots do not flap and diffs show only real changes:
 *
 * <ul>
 *   <li>object members sorted by name (Java's {@link String#compareTo}, UTF-16 code units);
 *   <li>two-space indent, one member or element per line, {@code "name": value}, {@code {}} and
 *       {@code []} when empty;
 *   <li>numbers by value: parsed exactly (no {@code double} rounding), trailing zeros dropped, so
 *       {@code 1.50}, {@code 1.5} and {@code 1.500} all print {@code 1.5}, and {@code 3.0} prints
 *       {@code 3}; plain digits when the leading digit's power of ten is in [-7, 21), otherwise
 *       {@code 1.5e+21} style (the thresholds JavaScript uses). This matches how
 *       {@link JsonRules} compares numbers: {@code 3}, {@code 3L} and {@code 3.0} are equal;
 *   <li>strings with JSON's short escapes, other control characters and unpaired surrogates as
 *       {@code \}{@code uXXXX}, everything else (including non-ASCII) as itself.
 * </ul>
 *
 * <pre>{@code
 * CanonicalJson json = new CanonicalJson(mapper);
 * json.pretty(json.parse("{\"b\":1.50,\"a\":[true]}"))
 * // {
 * //   "a": [
 * //     true
 * //   ],
 * //   "b": 1.5
 * // }
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class CanonicalJson {

    private static final int MIN_PLAIN_EXPONENT = -7;
    private static final int MAX_PLAIN_EXPONENT = 21;
    private static final String INDENT = "  ";

    private final ObjectReader reader;

    /**
     * A canonical printer that parses with the given mapper's settings, reading every decimal as an
     * exact {@link BigDecimal} and rejecting trailing content.
     *
     * <pre>{@code new CanonicalJson(JsonMapper.builder().build())}</pre>
     *
     * @param mapper the client's mapper
     */
    public CanonicalJson(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Parses JSON text, or returns null when it is not one JSON value.
     *
     * <pre>{@code json.parse("[1, 2]")   // an ArrayNode; json.parse("hello") == null}</pre>
     *
     * @param text the text
     * @return the value, or null
     */
    public @Nullable JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = reader.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Parses JSON bytes (UTF-8, or as Jackson detects them), or returns null when they are not one
     * JSON value.
     *
     * <pre>{@code json.parse(exchange.body())}</pre>
     *
     * @param bytes the bytes
     * @return the value, or null
     */
    public @Nullable JsonNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = reader.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The canonical, indented text of a value, without a trailing newline.
     *
     * <pre>{@code json.pretty(node)}</pre>
     *
     * @param node the value
     * @return the text
     */
    public String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0, true);
        return out.toString();
    }

    /**
     * The canonical text on one line ({@code {"a":1,"b":[2,3]}}), for failure messages.
     *
     * <pre>{@code CanonicalJson.compact(node)}</pre>
     *
     * @param node the value
     * @return the text
     */
    public static String compact(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0, false);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out, int depth, boolean indent) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            if (members.isEmpty()) {
                out.append("{}");
                return;
            }
            members.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < members.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, depth + 1, indent);
                string(members.get(i).getKey(), out);
                out.append(indent ? ": " : ":");
                write(members.get(i).getValue(), out, depth + 1, indent);
            }
            newline(out, depth, indent);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, depth + 1, indent);
                write(node.get(i), out, depth + 1, indent);
            }
            newline(out, depth, indent);
            out.append(']');
        } else {
            scalar(node, out);
        }
    }

    private static void newline(StringBuilder out, int depth, boolean indent) {
        if (indent) {
            out.append('\n');
            out.append(INDENT.repeat(depth));
        }
    }

    private static void scalar(JsonNode node, StringBuilder out) {
        if (node.isNumber()) {
            out.append(number(node));
        } else if (node.isString()) {
            string(node.stringValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBinary()) {
            string(Base64.getEncoder().encodeToString(node.binaryValue()), out);
        } else {
            string(String.valueOf(node), out);
        }
    }

    /**
     * A number as canonical text: by value, trailing zeros dropped.
     *
     * <pre>{@code CanonicalJson.number(decimalNode("1.50"))   // "1.5"; 1e400 -> "1e+400"}</pre>
     *
     * @param node a numeric node
     * @return the text; non-finite doubles (only from trees built in Java) as {@code NaN}/{@code Infinity}
     */
    public static String number(JsonNode node) {
        BigDecimal value = decimal(node);
        if (value == null) {
            return Double.toString(node.doubleValue());
        }
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent >= MIN_PLAIN_EXPONENT && exponent < MAX_PLAIN_EXPONENT) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        return (stripped.signum() < 0 ? "-" : "") + digits.charAt(0)
                + (digits.length() > 1 ? "." + digits.substring(1) : "")
                + (exponent >= 0 ? "e+" : "e") + exponent;
    }

    /**
     * The exact value of a numeric node, or null for a non-finite double.
     *
     * <pre>{@code CanonicalJson.decimal(node).compareTo(other) == 0}</pre>
     *
     * @param node a numeric node
     * @return the value
     */
    public static @Nullable BigDecimal decimal(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            double d = node.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return null;
            }
            return node.isFloat() ? new BigDecimal(Float.toString(node.floatValue())) : BigDecimal.valueOf(d);
        }
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        return node.decimalValue();
    }

    /**
     * Appends a JSON string literal.
     *
     * <pre>{@code CanonicalJson.string("a\"b", out)   // "a\"b" with quotes}</pre>
     *
     * @param s the string
     * @param out where to append
     */
    public static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isUnpairedSurrogate(s, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isUnpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
