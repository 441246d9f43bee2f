package dev.testlet.internal.json;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One difference between an expected and an actual JSON document.
 *
 * <pre>{@code
 * new JsonDifference("/price", Kind.CHANGED, expectedNode, actualNode).describe()
 * // changed /price: 1.5 -> 2
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param pointer where: the actual document's location for {@code CHANGED}, {@code TYPE_CHANGED} and
 *     {@code ADDED}, the expected document's for {@code REMOVED}; "" is the whole document
 * @param kind what happened
 * @param expected the expected value, null when {@code ADDED}
 * @param actual the actual value, null when {@code REMOVED}
 */
public record JsonDifference(String pointer, Kind kind, @Nullable JsonNode expected, @Nullable JsonNode actual) {

    /** How long a value may be in {@link #describe()} before it is cut. */
    public static final int SHOWN_VALUE = 80;

    /** What kind of difference. */
    public enum Kind {
        /** The same kind of value (both numbers, both strings...) with another value. */
        CHANGED("changed"),
        /** Another kind of value: a string where a number was, null where an object was. */
        TYPE_CHANGED("type changed"),
        /** In the actual document only. */
        ADDED("added"),
        /** In the expected document only. */
        REMOVED("removed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /**
         * The word failure messages use.
         *
         * <pre>{@code Kind.TYPE_CHANGED.label()   // "type changed"}</pre>
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }

    /**
     * One line: the kind, the pointer and the values, each value on one line and cut at
     * {@value #SHOWN_VALUE} characters.
     *
     * <pre>{@code
     * changed /items/0/price: 1.5 -> 2
     * type changed /id: "3" (a string) -> 3 (a number)
     * added /items/2: {"id":3}
     * removed /total: 3
     * }</pre>
     *
     * @return the line
     */
    public String describe() {
        return describe(kind.label());
    }

    /**
     * As {@link #describe()}, with the kind's label padded (to align several lines).
     *
     * <pre>{@code difference.describe("changed     ")}</pre>
     *
     * @param label the label to print in place of the kind's own
     * @return the line
     */
    public String describe(String label) {
        String where = pointer.isEmpty() ? "(the whole document)" : pointer;
        return switch (kind) {
            case CHANGED -> label + " " + where + ": " + shown(expected) + " -> " + shown(actual);
            case TYPE_CHANGED -> label + " " + where + ": " + shown(expected) + " (" + kindOf(expected) + ") -> "
                    + shown(actual) + " (" + kindOf(actual) + ")";
            case ADDED -> label + " " + where + ": " + shown(actual);
            case REMOVED -> label + " " + where + ": " + shown(expected);
        };
    }

    private static String shown(@Nullable JsonNode node) {
        if (node == null) {
            return "(none)";
        }
        String text = CanonicalJson.compact(node);
        return text.length() <= SHOWN_VALUE ? text : text.substring(0, SHOWN_VALUE) + "...";
    }

    /**
     * The kind of a JSON value with its article: "a string", "a number", "an object", "null".
     *
     * <pre>{@code JsonDifference.kindOf(node)   // "an array"}</pre>
     *
     * @param node the value, or null
     * @return the kind
     */
    public static String kindOf(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isString() || node.isBinary()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isArray() ? "an array" : "an object";
    }
}
