package dev.testlet.internal.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Pairs the elements of two arrays whose order does not matter.
 *
 * <p>First, identical elements are paired through a canonical key (members sorted, numbers by value,
 * unordered arrays inside sorted too), which is exact for duplicates and linear in the input. Then,
 * for what is left, a maximum bipartite matching under the comparison's own "matches" (which in
 * lenient mode is not equality: {@code {"a":1}} matches {@code {"a":1,"b":2}}) by Kuhn's augmenting
 * paths, trying at most {@link JsonRules#MATCHING_LIMIT} pairs, each pair's match computed once.
 * Pairing identical elements first never loses a match, because "matches" is transitive. Confined to
 * the calling thread.
 */
final class ArrayMatching {

    /** How many leftover pairs (expected times actual) are examined to report nearest partners. */
    static final int NEAREST_LIMIT = 2_500;

    private static final byte UNKNOWN = 0;
    private static final byte YES = 1;
    private static final byte NO = 2;

    private final JsonNode expected;
    private final JsonNode actual;
    private final JsonDiffer differ;
    private final int[] left;
    private final int[] right;
    private final int[] rightOwner;
    private final byte[] edges;
    private final int[] partner;

    private ArrayMatching(JsonNode expected, JsonNode actual, JsonDiffer differ, int[] left, int[] right,
            int[] partner) {
        this.expected = expected;
        this.actual = actual;
        this.differ = differ;
        this.left = left;
        this.right = right;
        this.rightOwner = new int[right.length];
        Arrays.fill(rightOwner, -1);
        this.edges = new byte[left.length * right.length];
        this.partner = partner;
    }

    /**
     * A maximum matching of expected elements to actual ones.
     *
     * @return for each expected index, the matched actual index or -1
     */
    static int[] match(JsonNode expected, JsonNode actual, JsonDiffer differ) {
        int[] partner = new int[expected.size()];
        Arrays.fill(partner, -1);
        Map<String, ArrayDeque<Integer>> identical = new HashMap<>();
        for (int j = 0; j < actual.size(); j++) {
            identical.computeIfAbsent(keyAt(actual.get(j), j, differ), k -> new ArrayDeque<>()).add(j);
        }
        boolean[] taken = new boolean[actual.size()];
        List<Integer> leftovers = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            ArrayDeque<Integer> same = identical.get(keyAt(expected.get(i), i, differ));
            if (same != null && !same.isEmpty()) {
                partner[i] = same.poll();
                taken[partner[i]] = true;
            } else {
                leftovers.add(i);
            }
        }
        int[] right = free(taken);
        if (leftovers.isEmpty() || right.length == 0 || (long) leftovers.size() * right.length > JsonRules.MATCHING_LIMIT) {
            return partner;
        }
        int[] left = leftovers.stream().mapToInt(Integer::intValue).toArray();
        new ArrayMatching(expected, actual, differ, left, right, partner).augmentAll();
        return partner;
    }

    /**
     * Whether every expected element found a partner.
     *
     * @param partner what {@link #match} returned
     * @return true for a perfect matching
     */
    static boolean isPerfect(int[] partner) {
        for (int p : partner) {
            if (p < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * For elements left unmatched, the most similar unmatched actual element, to report a change
     * inside it rather than a removal and an addition: the one with the fewest differences, taken
     * only when fewer than all of the expected element's leaves differ.
     *
     * @return for each expected index, the nearest actual index or -1
     */
    static int[] nearest(JsonNode expected, JsonNode actual, List<Integer> unmatchedExpected,
            List<Integer> unmatchedActual, JsonDiffer differ) {
        int[] nearest = new int[expected.size()];
        Arrays.fill(nearest, -1);
        if ((long) unmatchedExpected.size() * unmatchedActual.size() > NEAREST_LIMIT) {
            return nearest;
        }
        boolean[] used = new boolean[actual.size()];
        for (int i : unmatchedExpected) {
            int leaves = leaves(expected.get(i));
            int best = -1;
            int fewest = Integer.MAX_VALUE;
            for (int j : unmatchedActual) {
                if (used[j]) {
                    continue;
                }
                JsonDiffer trial = new JsonDiffer(differ.options(), "", 0);
                trial.path().addAll(differ.path());
                trial.path().add(Integer.toString(j));
                trial.walk(expected.get(i), actual.get(j));
                if (trial.total() < leaves && trial.total() < fewest) {
                    fewest = trial.total();
                    best = j;
                }
            }
            if (best >= 0) {
                nearest[i] = best;
                used[best] = true;
            }
        }
        return nearest;
    }

    private void augmentAll() {
        int[] leftMatch = new int[left.length];
        Arrays.fill(leftMatch, -1);
        for (int l = 0; l < left.length; l++) {
            augment(l, new boolean[right.length], leftMatch);
        }
        for (int l = 0; l < left.length; l++) {
            if (leftMatch[l] >= 0) {
                partner[left[l]] = right[leftMatch[l]];
            }
        }
    }

    /** Kuhn's step: find an augmenting path from left vertex l; depth at most min(left, right) + 1. */
    private boolean augment(int l, boolean[] visited, int[] leftMatch) {
        for (int r = 0; r < right.length; r++) {
            if (visited[r] || !edge(l, r)) {
                continue;
            }
            visited[r] = true;
            if (rightOwner[r] < 0 || augment(rightOwner[r], visited, leftMatch)) {
                rightOwner[r] = l;
                leftMatch[l] = r;
                return true;
            }
        }
        return false;
    }

    private boolean edge(int l, int r) {
        int at = l * right.length + r;
        if (edges[at] == UNKNOWN) {
            edges[at] = differ.matchesAt(expected.get(left[l]), actual.get(right[r]), right[r]) ? YES : NO;
        }
        return edges[at] == YES;
    }

    private static int[] free(boolean[] taken) {
        int count = 0;
        for (boolean t : taken) {
            count += t ? 0 : 1;
        }
        int[] free = new int[count];
        int k = 0;
        for (int j = 0; j < taken.length; j++) {
            if (!taken[j]) {
                free[k++] = j;
            }
        }
        return free;
    }

    private static String keyAt(JsonNode node, int index, JsonDiffer differ) {
        differ.path().add(Integer.toString(index));
        StringBuilder out = new StringBuilder();
        key(node, differ, out);
        differ.path().removeLast();
        return out.toString();
    }

    /** A canonical key: equal keys mean the values match under any options. */
    private static void key(JsonNode node, JsonDiffer differ, StringBuilder out) {
        List<String> path = differ.path();
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            out.append('{');
            for (String name : names) {
                CanonicalJson.string(name, out);
                out.append(':');
                path.add(name);
                key(node.get(name), differ, out);
                path.removeLast();
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            List<String> elements = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                path.add(Integer.toString(i));
                StringBuilder element = new StringBuilder();
                key(node.get(i), differ, element);
                elements.add(element.toString());
                path.removeLast();
            }
            if (differ.options().ignoresOrderAt(path)) {
                elements.sort(null);
            }
            out.append('[').append(String.join(",", elements)).append(']');
        } else {
            out.append(CanonicalJson.compact(node));
        }
    }

    private static int leaves(JsonNode node) {
        if (node.isContainer() && !node.isEmpty()) {
            int sum = 0;
            for (JsonNode child : node.values()) {
                sum += leaves(child);
            }
            return sum;
        }
        return 1;
    }
}
