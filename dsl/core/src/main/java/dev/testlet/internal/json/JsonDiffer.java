package dev.testlet.internal.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One comparison's walk over two documents: records differences and builds the aligned actual value.
 * Ordered arrays are aligned on their longest common subsequence of matching elements (after
 * trimming the common start and end), so an inserted element shows as one "added", not as every
 * later element "changed". Confined to one thread.
 */
final class JsonDiffer {

    private final JsonRules options;
    private final String base;
    private final int recordLimit;
    private final List<JsonDifference> differences = new ArrayList<>();
    private final List<String> path = new ArrayList<>();
    private int total;

    JsonDiffer(JsonRules options, String base, int recordLimit) {
        this.options = options;
        this.base = base;
        this.recordLimit = recordLimit;
    }

    List<JsonDifference> differences() {
        return differences;
    }

    int total() {
        return total;
    }

    JsonRules options() {
        return options;
    }

    /** The current location's unescaped segments; callers push and pop around recursion. */
    List<String> path() {
        return path;
    }

    /** Compares, recording differences, and returns the actual value aligned to the expected one. */
    JsonNode walk(JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            return objects(expected, actual);
        }
        if (expected.isArray() && actual.isArray()) {
            return options.ignoresOrderAt(path) ? unordered(expected, actual) : ordered(expected, actual);
        }
        if (!sameKind(expected, actual)) {
            record(pointer(), JsonDifference.Kind.TYPE_CHANGED, expected, actual);
        } else if (!scalarEquals(expected, actual)) {
            record(pointer(), JsonDifference.Kind.CHANGED, expected, actual);
        }
        return actual;
    }

    private JsonNode objects(JsonNode expected, JsonNode actual) {
        ObjectNode aligned = JsonNodeFactory.instance.objectNode();
        TreeSet<String> names = new TreeSet<>(expected.propertyNames());
        names.addAll(actual.propertyNames());
        for (String name : names) {
            JsonNode e = expected.get(name);
            JsonNode a = actual.get(name);
            path.add(name);
            if (e != null && a != null) {
                aligned.set(name, walk(e, a));
            } else if (e != null) {
                record(pointer(), JsonDifference.Kind.REMOVED, e, null);
            } else if (!options.allowsExtraFields()) {
                record(pointer(), JsonDifference.Kind.ADDED, null, a);
                aligned.set(name, a);
            }
            path.removeLast();
        }
        return aligned;
    }

    private JsonNode ordered(JsonNode expected, JsonNode actual) {
        int n = expected.size();
        int m = actual.size();
        int start = 0;
        while (start < n && start < m && matchesAt(expected.get(start), actual.get(start), start)) {
            start++;
        }
        int end = 0;
        while (end < n - start && end < m - start
                && matchesAt(expected.get(n - 1 - end), actual.get(m - 1 - end), m - 1 - end)) {
            end++;
        }
        ArrayNode aligned = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < start; i++) {
            aligned.add(walkAt(expected.get(i), actual.get(i), i));
        }
        int[][] pairs = commonSubsequence(expected, start, n - end, actual, start, m - end);
        int ei = start;
        int aj = start;
        for (int p = 0; p <= pairs.length; p++) {
            int nextE = p < pairs.length ? pairs[p][0] : n - end;
            int nextA = p < pairs.length ? pairs[p][1] : m - end;
            int common = Math.min(nextE - ei, nextA - aj);
            for (int k = 0; k < common; k++) {
                aligned.add(walkAt(expected.get(ei + k), actual.get(aj + k), aj + k));
            }
            for (int k = common; k < nextE - ei; k++) {
                recordAt(ei + k, JsonDifference.Kind.REMOVED, expected.get(ei + k), null);
            }
            for (int k = common; k < nextA - aj; k++) {
                recordAt(aj + k, JsonDifference.Kind.ADDED, null, actual.get(aj + k));
                aligned.add(actual.get(aj + k));
            }
            if (p < pairs.length) {
                aligned.add(walkAt(expected.get(nextE), actual.get(nextA), nextA));
            }
            ei = nextE + 1;
            aj = nextA + 1;
        }
        for (int k = end; k > 0; k--) {
            aligned.add(walkAt(expected.get(n - k), actual.get(m - k), m - k));
        }
        return aligned;
    }

    /**
     * The longest common subsequence of matching elements of expected[e0, e1) and actual[a0, a1), as
     * index pairs; none when the stretch is larger than the matching limit.
     */
    private int[][] commonSubsequence(JsonNode expected, int e0, int e1, JsonNode actual, int a0, int a1) {
        int n = e1 - e0;
        int m = a1 - a0;
        if (n == 0 || m == 0 || (long) n * m > JsonRules.MATCHING_LIMIT) {
            return new int[0][];
        }
        boolean[] same = new boolean[n * m];
        int[] length = new int[(n + 1) * (m + 1)];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                same[i * m + j] = matchesAt(expected.get(e0 + i), actual.get(a0 + j), a0 + j);
                length[i * (m + 1) + j] = same[i * m + j]
                        ? length[(i + 1) * (m + 1) + j + 1] + 1
                        : Math.max(length[(i + 1) * (m + 1) + j], length[i * (m + 1) + j + 1]);
            }
        }
        int[][] pairs = new int[length[0]][];
        int i = 0;
        int j = 0;
        int p = 0;
        while (i < n && j < m) {
            if (same[i * m + j]) {
                pairs[p++] = new int[] {e0 + i, a0 + j};
                i++;
                j++;
            } else if (length[(i + 1) * (m + 1) + j] >= length[i * (m + 1) + j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }

    private JsonNode unordered(JsonNode expected, JsonNode actual) {
        int[] partner = ArrayMatching.match(expected, actual, this);
        boolean[] taken = new boolean[actual.size()];
        List<Integer> unmatchedExpected = new ArrayList<>();
        for (int i = 0; i < partner.length; i++) {
            if (partner[i] >= 0) {
                taken[partner[i]] = true;
            } else {
                unmatchedExpected.add(i);
            }
        }
        List<Integer> unmatchedActual = new ArrayList<>();
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j]) {
                unmatchedActual.add(j);
            }
        }
        int[] nearest = ArrayMatching.nearest(expected, actual, unmatchedExpected, unmatchedActual, this);
        ArrayNode aligned = JsonNodeFactory.instance.arrayNode();
        boolean[] shown = new boolean[actual.size()];
        for (int i = 0; i < partner.length; i++) {
            int j = partner[i] >= 0 ? partner[i] : nearest[i];
            if (j >= 0) {
                aligned.add(walkAt(expected.get(i), actual.get(j), j));
                shown[j] = true;
            } else {
                recordAt(i, JsonDifference.Kind.REMOVED, expected.get(i), null);
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!shown[j]) {
                recordAt(j, JsonDifference.Kind.ADDED, null, actual.get(j));
                aligned.add(actual.get(j));
            }
        }
        return aligned;
    }

    /** Whether two values match under the options, without recording anything. */
    boolean matches(JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            if (!options.allowsExtraFields() && expected.size() != actual.size()) {
                return false;
            }
            for (var member : expected.properties()) {
                JsonNode a = actual.get(member.getKey());
                if (a == null) {
                    return false;
                }
                path.add(member.getKey());
                boolean same = matches(member.getValue(), a);
                path.removeLast();
                if (!same) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            if (options.ignoresOrderAt(path)) {
                return ArrayMatching.isPerfect(ArrayMatching.match(expected, actual, this));
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matchesAt(expected.get(i), actual.get(i), i)) {
                    return false;
                }
            }
            return true;
        }
        return sameKind(expected, actual) && scalarEquals(expected, actual);
    }

    /** {@link #matches} for an element at {@code index} of the current array. */
    boolean matchesAt(JsonNode expected, JsonNode actual, int index) {
        path.add(Integer.toString(index));
        boolean same = matches(expected, actual);
        path.removeLast();
        return same;
    }

    private JsonNode walkAt(JsonNode expected, JsonNode actual, int index) {
        path.add(Integer.toString(index));
        JsonNode aligned = walk(expected, actual);
        path.removeLast();
        return aligned;
    }

    private void recordAt(int index, JsonDifference.Kind kind, @Nullable JsonNode expected, @Nullable JsonNode actual) {
        path.add(Integer.toString(index));
        record(pointer(), kind, expected, actual);
        path.removeLast();
    }

    private void record(String pointer, JsonDifference.Kind kind, @Nullable JsonNode expected,
            @Nullable JsonNode actual) {
        total++;
        if (differences.size() < recordLimit) {
            differences.add(new JsonDifference(pointer, kind, expected, actual));
        }
    }

    private String pointer() {
        return base + PointerPattern.pointer(path);
    }

    private static boolean sameKind(JsonNode a, JsonNode b) {
        return a.getNodeType() == b.getNodeType() || (a.isNumber() && b.isNumber())
                || (isStringLike(a) && isStringLike(b));
    }

    private static boolean isStringLike(JsonNode node) {
        return node.isString() || node.isBinary();
    }

    private static boolean scalarEquals(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            BigDecimal e = CanonicalJson.decimal(expected);
            BigDecimal a = CanonicalJson.decimal(actual);
            return e == null || a == null ? Double.compare(expected.doubleValue(), actual.doubleValue()) == 0
                    : e.compareTo(a) == 0;
        }
        if (isStringLike(expected) && isStringLike(actual)) {
            return CanonicalJson.compact(expected).equals(CanonicalJson.compact(actual));
        }
        return expected.equals(actual);
    }
}
