package dev.testlet.internal.json;

import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * The failure of a whole-document JSON check: what was compared and how, the differences field by
 * field, the context (the exchange), and the expected and aligned actual documents attached
 * canonically, so an IDE's diff shows only what really differs.
 *
 * <pre>{@code
 * JsonComparisonResult r = comparison.compare(expected, actual.at(pointer), pointer);
 * if (!r.matches()) throw JsonMismatch.of(r, comparison, pointer, json, formatter.format(exchange));
 * // expected    : the JSON at /data to match (lenient (extra fields allowed))
 * // differences : 2
 * //               changed /data/price: 1.5 -> 2
 * //               removed /data/total: 3
 * }</pre>
 *
 * Stateless; thread-safe.
 */
public final class JsonMismatch {

    /** How many differences a failure lists before "... and N more". */
    public static final int SHOWN = 20;

    private JsonMismatch() {}

    /**
     * The failure for a comparison that did not match.
     *
     * <pre>{@code throw JsonMismatch.of(result, comparison, "", json, exchangeText);}</pre>
     *
     * @param result what the comparison found
     * @param comparison how it compared
     * @param pointer the compared value's pointer, "" for the whole body
     * @param json to print both documents canonically
     * @param context the exchange as failures print it, or null
     * @return the error to throw
     */
    public static AssertionFailedError of(JsonComparisonResult result, JsonRules comparison, String pointer,
            CanonicalJson json, @Nullable String context) {
        String where = pointer.isEmpty() ? "the JSON body" : "the JSON at " + pointer;
        Facts facts = Facts.of("expected", where + " to match (" + comparison.describe() + ")")
                .and("differences", result.total() + "\n" + result.summary(SHOWN));
        return Failures.of(facts, context, json.pretty(result.expected()), json.pretty(result.alignedActual()));
    }
}
