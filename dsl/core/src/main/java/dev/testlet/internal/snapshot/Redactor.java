package dev.testlet.internal.snapshot;

import dev.testlet.internal.json.JsonDifference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies {@link Redactions} to one rendering. Numbered patterns count within the rendering, so the
 * same value gets the same number everywhere in it. Confined to one thread, used once.
 *
 * <pre>{@code
 * Redactor r = new Redactor(redactions);
 * JsonNode body = r.json(parsedBody);
 * String value = r.header("Set-Cookie", "JSESSIONID=abc; Path=/");   // "JSESSIONID=[redacted]; Path=/"
 * String text = r.text(rendered);
 * }</pre>
 */
final class Redactor {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\\\.|\\$(\\d+|\\{([A-Za-z][A-Za-z0-9]*)})");

    private final Redactions redactions;
    private final Map<String, Map<String, Integer>> numbers = new HashMap<>();

    Redactor(Redactions redactions) {
        this.redactions = redactions;
    }

    /** Whether a response header is left out. */
    boolean excludes(String header) {
        return redactions.excludes(header);
    }

    /** The value to show for a header: redacted as a whole, or with session cookie values redacted. */
    String header(String name, String value) {
        if (redactions.redactsHeader(name)) {
            return Redactions.REDACTED;
        }
        return name.equalsIgnoreCase("Set-Cookie") ? setCookie(value) : value;
    }

    private String setCookie(String value) {
        String[] parts = value.split(";", -1);
        int eq = parts[0].indexOf('=');
        if (eq > 0 && redactions.redactsCookie(parts[0].substring(0, eq).strip())) {
            parts[0] = parts[0].substring(0, eq + 1) + Redactions.REDACTED;
        }
        boolean maxAge = false;
        for (int i = 1; i < parts.length; i++) {
            maxAge |= parts[i].strip().toLowerCase(Locale.ROOT).startsWith("max-age=");
        }
        for (int i = 1; maxAge && i < parts.length; i++) {
            int at = parts[i].indexOf('=');
            if (at > 0 && parts[i].substring(0, at).strip().equalsIgnoreCase("Expires")) {
                parts[i] = parts[i].substring(0, at + 1) + Redactions.REDACTED;
            }
        }
        return String.join(";", parts);
    }

    /** A copy of the value with the JSON redactions applied (the value itself when there are none). */
    JsonNode json(JsonNode node) {
        if (redactions.json().isEmpty()) {
            return node;
        }
        List<String> path = new ArrayList<>();
        JsonNode root = replacementFor(node, path);
        return root != null ? root : redactChildren(node.deepCopy(), path);
    }

    private JsonNode redactChildren(JsonNode node, List<String> path) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                path.add(name);
                JsonNode child = object.get(name);
                JsonNode replaced = replacementFor(child, path);
                object.set(name, replaced != null ? replaced : redactChildren(child, path));
                path.removeLast();
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                path.add(Integer.toString(i));
                JsonNode child = array.get(i);
                JsonNode replaced = replacementFor(child, path);
                array.set(i, replaced != null ? replaced : redactChildren(child, path));
                path.removeLast();
            }
        }
        return node;
    }

    private @Nullable JsonNode replacementFor(JsonNode node, List<String> path) {
        for (Redactions.JsonRedaction r : redactions.json()) {
            if (r.pattern().matches(path)) {
                String kind = JsonDifference.kindOf(node).replaceFirst("^an? ", "");
                return JsonNodeFactory.instance.stringNode(r.replacement() != null ? r.replacement()
                        : "[redacted " + kind + "]");
            }
        }
        return null;
    }

    /** The rendered text with the pattern redactions applied, in the order they were added. */
    String text(String rendered) {
        String out = rendered;
        for (Redactions.TextRedaction r : redactions.text()) {
            out = r.numbered() ? numbered(out, r) : r.pattern().matcher(out).replaceAll(r.replacement());
        }
        return out;
    }

    private String numbered(String in, Redactions.TextRedaction r) {
        Map<String, Integer> seen = numbers.computeIfAbsent(r.replacement(), k -> new HashMap<>());
        Matcher m = r.pattern().matcher(in);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = seen.computeIfAbsent(m.group(), k -> seen.size() + 1);
            m.appendReplacement(out, Matcher.quoteReplacement("[" + r.replacement() + "-" + n + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Checks that a replacement refers only to groups the pattern has.
     *
     * @throws IllegalArgumentException naming the missing group and how to write a literal {@code $}
     */
    static void checkReplacement(Pattern pattern, String replacement) {
        int groups = pattern.matcher("").groupCount();
        Matcher m = GROUP_REFERENCE.matcher(replacement);
        while (m.find()) {
            String ref = m.group(1);
            if (ref == null) {
                continue;
            }
            boolean ok = m.group(2) != null ? pattern.namedGroups().containsKey(m.group(2))
                    : Integer.parseInt(ref.length() > 9 ? "999999999" : ref) <= groups;
            if (!ok) {
                throw new IllegalArgumentException("the replacement '" + replacement + "' refers to group $" + ref
                        + ", but '" + pattern + "' has " + (groups == 0 ? "no groups" : groups + " group(s)")
                        + "; write \\$ for a literal dollar sign");
            }
        }
        String unescaped = replacement.replaceAll("\\\\.", "");
        if (unescaped.indexOf('\\') >= 0
                || unescaped.replaceAll("\\$(\\d+|\\{[A-Za-z][A-Za-z0-9]*})", "").indexOf('$') >= 0) {
            throw new IllegalArgumentException("the replacement '" + replacement + "' has a '$' or '\\' that is not"
                    + " a group reference; write \\$ for a literal dollar sign and \\\\ for a backslash");
        }
    }
}
