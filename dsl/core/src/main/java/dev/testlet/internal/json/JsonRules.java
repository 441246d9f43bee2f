package dev.testlet.internal.json;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * How two JSON documents are compared: strictly (the same members, arrays in the same order) or
 * leniently (extra members in the actual document are allowed), with array order ignored everywhere
 * or at chosen places. Numbers compare by value ({@code 3}, {@code 3L} and {@code 3.0} are equal).
 *
 * <pre>{@code
 * JsonComparisonResult r = JsonRules.lenient()
 *         .withArrayOrderIgnoredAt("/items", "/items/*&#47;tags")
 *         .compare(expected, actual);
 * r.matches();          // false
 * r.summary(10);        // "changed /items/0/price: 1.5 -> 2\nremoved /total: 3"
 * }</pre>
 *
 * <p>Arrays must have the same length in both modes. Unordered arrays are matched as a maximum
 * bipartite matching (exact duplicates first, then Kuhn's augmenting paths on what is left), so
 * duplicates and nested objects are handled correctly and the cost is polynomial: at most
 * {@value #MATCHING_LIMIT} element pairs are tried for one array; past that, the elements left over
 * after pairing identical ones are reported as differences. Immutable and thread-safe.
 */
public final class JsonRules {

    /**
     * The most element pairs (expected times actual, after identical elements are paired) that one
     * unordered array, or one changed stretch of an ordered array, is searched for matches.
     */
    public static final int MATCHING_LIMIT = 250_000;

    private final boolean extraFieldsAllowed;
    private final boolean arrayOrderIgnored;
    private final List<PointerPattern> unorderedAt;

    private JsonRules(boolean extraFieldsAllowed, boolean arrayOrderIgnored, List<PointerPattern> unorderedAt) {
        this.extraFieldsAllowed = extraFieldsAllowed;
        this.arrayOrderIgnored = arrayOrderIgnored;
        this.unorderedAt = unorderedAt;
    }

    /**
     * The same members and values, arrays in order.
     *
     * <pre>{@code JsonRules.strict().compare(expected, actual).matches()}</pre>
     *
     * @return the strict comparison
     */
    public static JsonRules strict() {
        return new JsonRules(false, false, List.of());
    }

    /**
     * Extra members in the actual document's objects are allowed; arrays keep their order unless
     * {@link #withArrayOrderIgnored()} or {@link #withArrayOrderIgnoredAt(String...)} says otherwise.
     *
     * <pre>{@code JsonRules.lenient().withArrayOrderIgnored()}</pre>
     *
     * @return the lenient comparison
     */
    public static JsonRules lenient() {
        return new JsonRules(true, false, List.of());
    }

    /**
     * A copy that allows (or forbids) members the expected document does not name.
     *
     * <pre>{@code strict().withExtraFieldsAllowed(true)}</pre>
     *
     * @param allowed true to allow them
     * @return the new comparison
     */
    public JsonRules withExtraFieldsAllowed(boolean allowed) {
        return new JsonRules(allowed, arrayOrderIgnored, unorderedAt);
    }

    /**
     * A copy that ignores the order of every array.
     *
     * <pre>{@code lenient().withArrayOrderIgnored()}</pre>
     *
     * @return the new comparison
     */
    public JsonRules withArrayOrderIgnored() {
        return new JsonRules(extraFieldsAllowed, true, unorderedAt);
    }

    /**
     * A copy that ignores the order of the arrays at these places, given as pointer patterns
     * relative to the compared value ({@code *} is any one member or element, {@code **} any depth).
     *
     * <pre>{@code lenient().withArrayOrderIgnoredAt("/items", "/items/*&#47;tags")}</pre>
     *
     * @param patterns the places
     * @return the new comparison
     * @throws IllegalArgumentException when a pattern is not a pointer pattern
     */
    public JsonRules withArrayOrderIgnoredAt(String... patterns) {
        List<PointerPattern> all = new ArrayList<>(unorderedAt);
        for (String p : patterns) {
            all.add(PointerPattern.compile(p));
        }
        return new JsonRules(extraFieldsAllowed, arrayOrderIgnored, List.copyOf(all));
    }

    /**
     * Whether members the expected document does not name are allowed.
     *
     * <pre>{@code lenient().allowsExtraFields()   // true}</pre>
     *
     * @return true when allowed
     */
    public boolean allowsExtraFields() {
        return extraFieldsAllowed;
    }

    /**
     * Whether the order of the array at a place is ignored.
     *
     * <pre>{@code comparison.ignoresOrderAt(List.of("items"))}</pre>
     *
     * @param path the array's location, as unescaped segments from the compared value
     * @return true when ignored
     */
    public boolean ignoresOrderAt(List<String> path) {
        if (arrayOrderIgnored) {
            return true;
        }
        for (PointerPattern p : unorderedAt) {
            if (p.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares two whole documents (or two subtrees, with pointers relative to them).
     *
     * <pre>{@code strict().compare(expected, actual).differences()}</pre>
     *
     * @param expected the expected value
     * @param actual the actual value
     * @return the differences and the actual value aligned to the expected one
     */
    public JsonComparisonResult compare(JsonNode expected, JsonNode actual) {
        return compare(expected, actual, "");
    }

    /**
     * Compares a subtree, reporting pointers from the document's root: {@code base} is put in front
     * of each difference's pointer (patterns given to this comparison stay relative to the subtree).
     *
     * <pre>{@code strict().compare(expected, body.at("/data"), "/data")}</pre>
     *
     * @param expected the expected value
     * @param actual the actual subtree
     * @param base the subtree's pointer in its document, "" for the root
     * @return the differences and the aligned actual value
     */
    public JsonComparisonResult compare(JsonNode expected, JsonNode actual, String base) {
        JsonDiffer differ = new JsonDiffer(this, base, JsonComparisonResult.RECORDED);
        JsonNode aligned = differ.walk(expected, actual);
        return new JsonComparisonResult(differ.differences(), differ.total(), expected, aligned);
    }

    /**
     * Whether two values are equal under this comparison, without listing differences.
     *
     * <pre>{@code lenient().matches(expected, actual)}</pre>
     *
     * @param expected the expected value
     * @param actual the actual value
     * @return true when they match
     */
    public boolean matches(JsonNode expected, JsonNode actual) {
        return new JsonDiffer(this, "", 0).matches(expected, actual);
    }

    /**
     * The comparison in words, for failure messages.
     *
     * <pre>{@code lenient().withArrayOrderIgnoredAt("/items").describe()
     * // "lenient (extra fields allowed, array order ignored at /items)"}</pre>
     *
     * @return the description
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (extraFieldsAllowed) {
            parts.add("extra fields allowed");
        }
        if (arrayOrderIgnored) {
            parts.add("array order ignored");
        } else if (!unorderedAt.isEmpty()) {
            List<String> at = new ArrayList<>();
            unorderedAt.forEach(p -> at.add(p.toString()));
            parts.add("array order ignored at " + String.join(", ", at));
        }
        String name = extraFieldsAllowed ? "lenient" : "strict";
        return parts.isEmpty() ? name : name + " (" + String.join(", ", parts) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
