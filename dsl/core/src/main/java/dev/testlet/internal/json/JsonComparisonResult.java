package dev.testlet.internal.json;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link JsonRules} found: the differences, and the actual value aligned to the expected
 * one (members the comparison allows left out, unordered arrays put in the expected order), so that
 * an IDE's diff of {@code expected} and {@code alignedActual} shows only what really differs.
 *
 * <pre>{@code
 * JsonComparisonResult r = JsonRules.strict().compare(expected, actual);
 * if (!r.matches()) {
 *     throw new AssertionFailedError("JSON differs:\n" + r.summary(10),
 *             json.pretty(r.expected()), json.pretty(r.alignedActual()));
 * }
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param differences the differences found, in document order, at most {@value #RECORDED}
 * @param total how many differences there are, also past {@value #RECORDED}
 * @param expected the expected value
 * @param alignedActual the actual value, aligned to the expected one
 */
public record JsonComparisonResult(List<JsonDifference> differences, int total, JsonNode expected,
        JsonNode alignedActual) {

    /** How many differences one comparison lists at most (the rest are only counted). */
    public static final int RECORDED = 1_000;

    /**
     * Copies the list.
     *
     * @param differences the differences
     * @param total their number
     * @param expected the expected value
     * @param alignedActual the aligned actual value
     */
    public JsonComparisonResult {
        differences = List.copyOf(differences);
    }

    /**
     * Whether the documents match.
     *
     * <pre>{@code result.matches()}</pre>
     *
     * @return true without differences
     */
    public boolean matches() {
        return total == 0;
    }

    /**
     * The differences, one per line, at most {@code max} of them and then "... and N more".
     *
     * <pre>{@code
     * changed /items/0/price: 1.5 -> 2
     * added   /items/2: {"id":3}
     * ... and 4 more
     * }</pre>
     *
     * @param max how many lines of differences to show
     * @return the lines, without a trailing newline; empty when they match
     */
    public String summary(int max) {
        return summarize(differences, total, max);
    }

    /**
     * Lines for a list of differences, labels padded so the pointers line up.
     *
     * <pre>{@code JsonComparisonResult.summarize(list, list.size(), 10)}</pre>
     *
     * @param differences the differences
     * @param total how many there are in all (at least {@code differences.size()})
     * @param max how many to show
     * @return the lines, without a trailing newline
     */
    public static String summarize(List<JsonDifference> differences, int total, int max) {
        int shown = Math.min(max, differences.size());
        int width = 0;
        for (int i = 0; i < shown; i++) {
            width = Math.max(width, differences.get(i).kind().label().length());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            JsonDifference d = differences.get(i);
            String label = d.kind().label();
            out.append(i == 0 ? "" : "\n").append(d.describe(label + " ".repeat(width - label.length())));
        }
        int rest = Math.max(total, differences.size()) - shown;
        if (rest > 0) {
            out.append(shown == 0 ? "" : "\n").append("... and ").append(rest).append(" more");
        }
        return out.toString();
    }
}
