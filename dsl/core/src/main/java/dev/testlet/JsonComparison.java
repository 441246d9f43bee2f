package dev.testlet;

import dev.testlet.internal.json.JsonRules;

/**
 * How {@code expectJson(pointer, expected, how)} compares a whole document or a subtree: strictly (the
 * same members, arrays in the same order; what {@code expectJson(pointer, expected)} does) or leniently
 * (members the expected value does not name are allowed), with array order ignored everywhere or at
 * chosen places. Numbers compare by value. A mismatch lists every difference by JSON pointer: what
 * changed (old and new), what was added, what was removed. Immutable.
 *
 * <pre>{@code
 * response.expectJson("", Map.of("name", "pen", "tags", List.of("b", "a")),
 *         JsonComparison.lenient().withArrayOrderIgnoredAt("/tags"));
 * // expected    : the JSON body to match (lenient (extra fields allowed, array order ignored at /tags))
 * // differences : 1
 * //               changed /name: "pen" -> "pencil"
 * }</pre>
 */
public final class JsonComparison {

    private final JsonRules rules;

    private JsonComparison(JsonRules rules) {
        this.rules = rules;
    }

    /**
     * The same members and values, arrays in order.
     *
     * <pre>{@code response.expectJson("", expected, JsonComparison.strict())}</pre>
     *
     * @return the strict comparison
     */
    public static JsonComparison strict() {
        return new JsonComparison(JsonRules.strict());
    }

    /**
     * Members the expected value does not name are allowed anywhere in the actual one; arrays keep
     * their order unless told otherwise.
     *
     * <pre>{@code response.expectJson("/owner", Map.of("name", "Zoë"), JsonComparison.lenient())}</pre>
     *
     * @return the lenient comparison
     */
    public static JsonComparison lenient() {
        return new JsonComparison(JsonRules.lenient());
    }

    /**
     * A copy that allows (or forbids) members the expected value does not name.
     *
     * <pre>{@code JsonComparison.strict().withExtraFieldsAllowed(true)}</pre>
     *
     * @param allowed true to allow them
     * @return the new comparison
     */
    public JsonComparison withExtraFieldsAllowed(boolean allowed) {
        return new JsonComparison(rules.withExtraFieldsAllowed(allowed));
    }

    /**
     * A copy that ignores the order of every array.
     *
     * <pre>{@code JsonComparison.lenient().withArrayOrderIgnored()}</pre>
     *
     * @return the new comparison
     */
    public JsonComparison withArrayOrderIgnored() {
        return new JsonComparison(rules.withArrayOrderIgnored());
    }

    /**
     * A copy that ignores the order of the arrays at these places: pointer patterns relative to the
     * compared value, where {@code *} is any one member or element and {@code **} any depth.
     *
     * <pre>{@code JsonComparison.strict().withArrayOrderIgnoredAt("/items", "/items/*&#47;tags")}</pre>
     *
     * @param patterns the places
     * @return the new comparison
     * @throws IllegalArgumentException when a pattern is not a pointer pattern, saying why
     */
    public JsonComparison withArrayOrderIgnoredAt(String... patterns) {
        return new JsonComparison(rules.withArrayOrderIgnoredAt(patterns));
    }

    /** The rules the comparison applies. */
    JsonRules rules() {
        return rules;
    }

    /**
     * The comparison in words, as failures print it.
     *
     * <pre>{@code JsonComparison.lenient().toString()   // "lenient (extra fields allowed)"}</pre>
     *
     * @return the description
     */
    @Override
    public String toString() {
        return rules.describe();
    }
}
