package dev.testlet.internal;

import java.util.ArrayList;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * JSON as tests need it: RFC 6901 pointers with helpful errors, comparison in which {@code 1},
 * {@code 1L} and {@code 1.0} are the same number, and descriptions of where a pointer stopped
 * matching.
 *
 * <pre>{@code
 * Json.pointer("/items/0/id");            // ok
 * Json.pointer("$.items[0].id");          // IllegalArgumentException: ... did you mean "/items/0/id"?
 * Json.same(mapper.valueToTree(1L), node) // numeric comparison
 * }</pre>
 */
public final class Json {

    private static final Comparator<JsonNode> SCALARS = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    /** Jackson's own wording of a constraint violation: what, the value, the limit, and which constraints. */
    private static final java.util.regex.Pattern CONSTRAINT = java.util.regex.Pattern.compile(
            "(Document nesting depth|Number value length|String value length|Name length|Document length|Token count)"
                    + " \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `?(StreamReadConstraints|StreamWriteConstraints)");

    private Json() {}

    /**
     * Jackson's processing limits (nesting depth, number, string and name lengths, document length,
     * token count) in Testlet's words, with the mapper that raises the limit.
     *
     * <pre>{@code
     * Json.explainConstraint(e)
     * // "the JSON is nested 501 levels deep, more than Jackson's limit of 500 (StreamReadConstraints
     * // maxNestingDepth); to allow it, give the client a mapper with a higher limit: client.withJsonMapper(...)"
     * }</pre>
     *
     * @param failure what Jackson threw (the constraint violation may be its cause)
     * @return the explanation, or null when the failure is not about one of Jackson's limits
     */
    public static @Nullable String explainConstraint(Throwable failure) {
        Throwable e = failure;
        for (int i = 0; e != null && !(e instanceof StreamConstraintsException) && i < 10; i++) {
            e = e.getCause();
        }
        if (e == null || e.getMessage() == null) {
            return null;
        }
        java.util.regex.Matcher m = CONSTRAINT.matcher(e.getMessage());
        if (!m.find()) {
            return null;
        }
        long value = Long.parseLong(m.group(2));
        long limit = Long.parseLong(m.group(3));
        boolean write = m.group(4).equals("StreamWriteConstraints");
        String what;
        String setting;
        switch (m.group(1)) {
            case "Document nesting depth" -> {
                what = (write ? "the value written as JSON is nested " : "the JSON is nested ") + value + " levels deep";
                setting = "maxNestingDepth";
            }
            case "Number value length" -> {
                what = String.format(java.util.Locale.ROOT, "a number in the JSON is %,d characters long", value);
                setting = "maxNumberLength";
            }
            case "String value length" -> {
                what = String.format(java.util.Locale.ROOT, "a string in the JSON is %,d characters long", value);
                setting = "maxStringLength";
            }
            case "Name length" -> {
                what = String.format(java.util.Locale.ROOT, "a property name in the JSON is %,d characters long", value);
                setting = "maxNameLength";
            }
            case "Document length" -> {
                what = String.format(java.util.Locale.ROOT, "the JSON document is %,d characters long", value);
                setting = "maxDocumentLength";
            }
            default -> {
                what = String.format(java.util.Locale.ROOT, "the JSON has %,d tokens", value);
                setting = "maxTokenCount";
            }
        }
        String constraints = write ? "StreamWriteConstraints" : "StreamReadConstraints";
        String factorySetting = write ? "streamWriteConstraints" : "streamReadConstraints";
        return String.format(java.util.Locale.ROOT, "%s, more than Jackson's limit of %,d (%s %s); to allow it, give"
                        + " the client a mapper with a higher limit: client.withJsonMapper(JsonMapper.builder("
                        + "JsonFactory.builder().%s(%s.builder().%s(%d).build()).build()).build())",
                what, limit, constraints, setting, factorySetting, constraints, setting, Math.max(limit * 4, value));
    }

    /**
     * What went wrong reading or writing JSON, in a line: one of Jackson's limits in Testlet's words
     * (with the knob to raise it), or Jackson's own message.
     *
     * <pre>{@code Json.why(e)   // "Unexpected character ('x' (code 120)) ..."}</pre>
     *
     * @param e what Jackson threw
     * @return the explanation
     */
    public static String why(tools.jackson.core.JacksonException e) {
        String constraint = explainConstraint(e);
        return constraint != null ? constraint : String.valueOf(e.getOriginalMessage());
    }

    /**
     * Compiles a JSON Pointer, or says what is wrong with it and what was probably meant.
     *
     * @param expression "" for the whole document, or a pointer such as "/items/0/id"
     * @return the pointer
     * @throws IllegalArgumentException naming the mistake
     */
    public static JsonPointer pointer(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("the JSON Pointer is null; use \"\" for the whole document"
                    + " or a pointer like \"/items/0/id\"");
        }
        if (!expression.isEmpty() && !expression.startsWith("/")) {
            String suggestion = suggest(expression);
            throw new IllegalArgumentException("'" + expression + "' is not a JSON Pointer (RFC 6901): it must be"
                    + " \"\" for the whole document or start with '/'"
                    + (suggestion == null ? ", as in \"/items/0/id\"" : "; did you mean \"" + suggestion + "\"?"));
        }
        try {
            return JsonPointer.compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + expression + "' is not a valid JSON Pointer: " + e.getMessage()
                    + "; escape '~' as ~0 and '/' inside a name as ~1", e);
        }
    }

    /** Turns JSONPath or dotted paths ("$.items[0].id", "items.0.id") into the pointer meant. */
    private static @Nullable String suggest(String expression) {
        String s = expression.trim();
        if (s.startsWith("$")) {
            s = s.substring(1);
        }
        s = s.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\['([^']*)']", ".$1");
        if (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return "";
        }
        if (s.contains("*") || s.contains("..") || s.contains("?")) {
            return null;
        }
        return "/" + s.replace('.', '/');
    }

    /**
     * An expected value as JSON: scalars directly, anything else through the mapper (records, maps,
     * lists), a {@link JsonNode} as it is.
     *
     * @param mapper the mapper
     * @param value the value, or null for JSON null
     * @return the tree
     */
    public static JsonNode toTree(ObjectMapper mapper, @Nullable Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case null -> nodes.nullNode();
            case JsonNode node -> node;
            case Boolean b -> nodes.booleanNode(b);
            case String text -> nodes.stringNode(text);
            case Integer i -> nodes.numberNode(i);
            case Long l -> nodes.numberNode(l);
            default -> mapper.valueToTree(value);
        };
    }

    /**
     * Whether two JSON values are equal, comparing numbers by value.
     *
     * @param expected the expected value
     * @param actual the actual value
     * @return true when equal
     */
    public static boolean same(JsonNode expected, JsonNode actual) {
        return expected.equals(SCALARS, actual);
    }

    /**
     * Where a pointer stops matching a document, for a failure message.
     *
     * <pre>{@code Json.describeMissing(root, pointer("/items/5/id"))   // "/items has 3 elements (0..2)"}</pre>
     *
     * @param root the document
     * @param pointer a pointer that does not match
     * @return a sentence about the deepest part that exists
     */
    public static String describeMissing(JsonNode root, JsonPointer pointer) {
        JsonNode node = root;
        String where = "the document";
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
            String name = p.getMatchingProperty();
            int index = p.getMatchingIndex();
            JsonNode next = node.isArray() ? (index >= 0 ? node.get(index) : null) : node.get(name);
            if (next == null) {
                if (node.isArray()) {
                    return where + " is an array of " + node.size() + " element" + (node.size() == 1 ? "" : "s")
                            + (node.isEmpty() ? "" : " (0.." + (node.size() - 1) + ")")
                            + ", so it has no element " + name;
                }
                if (node.isObject()) {
                    return where + " has no field \"" + name + "\"; its fields are " + new ArrayList<>(node.propertyNames());
                }
                return where + " is " + kind(node) + " (" + compact(node) + "), not an object or array";
            }
            node = next;
            where = (where.equals("the document") ? "" : where) + "/" + escape(name);
        }
        return "the value is there";
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /**
     * The kind of a JSON value: "a string", "a number", "an object"...
     *
     * @param node the value
     * @return the kind with its article
     */
    public static String kind(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "a " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * One-line JSON text.
     *
     * @param node the value
     * @return the text
     */
    public static String compact(JsonNode node) {
        return node.toString();
    }

    /**
     * Indented JSON text.
     *
     * @param node the value
     * @return the text
     */
    public static String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    /**
     * The body pretty-printed when it parses as JSON, otherwise null.
     *
     * @param mapper the mapper
     * @param body the bytes
     * @return indented JSON, or null
     */
    public static @Nullable String prettyOrNull(ObjectMapper mapper, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body).toPrettyString();
        } catch (JacksonException e) {
            return null;
        }
    }
}
