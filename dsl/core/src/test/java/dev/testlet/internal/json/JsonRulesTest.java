package dev.testlet.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JsonRulesTest {

    private final CanonicalJson json = new CanonicalJson(JsonMapper.builder().build());
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    private JsonNode parse(String text) {
        JsonNode node = json.parse(text.replace('\'', '"'));
        assertThat(node).as("parses: " + text).isNotNull();
        return node;
    }

    private JsonComparisonResult strict(String expected, String actual) {
        return JsonRules.strict().compare(parse(expected), parse(actual));
    }

    @Test
    void equal_documents_match_and_numbers_compare_by_value() {
        assertThat(strict("{'a':[1,{'b':null}],'c':'x'}", "{'c':'x','a':[1,{'b':null}]}").matches()).isTrue();
        assertThat(strict("{'n':3}", "{'n':3.0}").matches()).isTrue();
        assertThat(strict("{'n':1.50}", "{'n':1.5}").matches()).isTrue();
        ObjectNode javaBuilt = nodes.objectNode();
        javaBuilt.put("n", 3L);
        javaBuilt.put("d", 2.5);
        assertThat(JsonRules.strict().matches(javaBuilt, parse("{'n':3,'d':2.50}"))).isTrue();
    }

    @Test
    void lists_changed_added_removed_and_type_changed_fields_with_their_values() {
        JsonComparisonResult r = strict(
                "{'id':3,'name':'pen','price':1.5,'tags':['a'],'total':3}",
                "{'id':'3','name':'pen','price':2,'tags':['a'],'extra':{'x':true}}");

        assertThat(r.matches()).isFalse();
        assertThat(r.total()).isEqualTo(4);
        assertThat(r.summary(10)).isEqualTo("""
                added        /extra: {"x":true}
                type changed /id: 3 (a number) -> "3" (a string)
                changed      /price: 1.5 -> 2
                removed      /total: 3""");
    }

    @Test
    void summary_is_capped_with_the_number_left_out() {
        JsonComparisonResult r = strict("{'a':1,'b':2,'c':3,'d':4}", "{'a':0,'b':0,'c':0,'d':0}");

        assertThat(r.summary(2)).isEqualTo("""
                changed /a: 1 -> 0
                changed /b: 2 -> 0
                ... and 2 more""");
    }

    @Test
    void long_values_are_cut_in_the_summary() {
        String longText = "x".repeat(200);
        JsonComparisonResult r = strict("{'s':'a'}", "{'s':'" + longText + "'}");

        assertThat(r.summary(10)).isEqualTo("changed /s: \"a\" -> \"" + "x".repeat(79) + "...");
    }

    @Test
    void the_whole_document_is_named_when_the_root_differs() {
        assertThat(strict("[1]", "{'a':1}").summary(5))
                .isEqualTo("type changed (the whole document): [1] (an array) -> {\"a\":1} (an object)");
    }

    @Test
    void lenient_allows_extra_fields_but_still_reports_missing_and_changed_ones() {
        JsonComparisonResult r = JsonRules.lenient().compare(
                parse("{'a':1,'nested':{'b':2,'gone':true}}"),
                parse("{'a':1,'extra':1,'nested':{'b':3,'more':[1]}}"));

        assertThat(r.summary(10)).isEqualTo("""
                changed /nested/b: 2 -> 3
                removed /nested/gone: true""");
        assertThat(JsonRules.lenient().matches(parse("{'a':1}"), parse("{'a':1,'b':2}"))).isTrue();
        assertThat(JsonRules.strict().matches(parse("{'a':1}"), parse("{'a':1,'b':2}"))).isFalse();
    }

    @Test
    void an_element_inserted_into_an_ordered_array_is_one_addition_not_a_cascade_of_changes() {
        JsonComparisonResult r = strict("{'items':[{'id':1},{'id':2},{'id':3}]}",
                "{'items':[{'id':0},{'id':1},{'id':2},{'id':3}]}");

        assertThat(r.summary(10)).isEqualTo("added /items/0: {\"id\":0}");
    }

    @Test
    void a_removed_element_is_reported_at_its_expected_index() {
        assertThat(strict("[1,2,3,4]", "[1,2,4]").summary(10)).isEqualTo("removed /2: 3");
    }

    @Test
    void a_changed_element_is_reported_inside_it() {
        assertThat(strict("[{'id':1,'n':'a'},{'id':2,'n':'b'},{'id':3,'n':'c'}]",
                "[{'id':1,'n':'a'},{'id':2,'n':'B'},{'id':3,'n':'c'}]").summary(10))
                .isEqualTo("changed /1/n: \"b\" -> \"B\"");
    }

    @Test
    void array_order_is_ignored_everywhere_when_asked() {
        JsonRules unordered = JsonRules.strict().withArrayOrderIgnored();

        assertThat(unordered.matches(parse("[[1,2],[3,4]]"), parse("[[4,3],[2,1]]"))).isTrue();
        assertThat(unordered.compare(parse("[1,1,2]"), parse("[1,2,2]")).summary(10)).isEqualTo("""
                removed /1: 1
                added   /2: 2""");
    }

    @Test
    void array_order_is_ignored_only_at_the_given_places() {
        JsonRules c = JsonRules.strict().withArrayOrderIgnoredAt("/items");
        String expected = "{'items':[{'id':1,'tags':['a','b']},{'id':2,'tags':[]}]}";

        assertThat(c.matches(parse(expected), parse("{'items':[{'id':2,'tags':[]},{'id':1,'tags':['a','b']}]}"))).isTrue();
        assertThat(c.compare(parse(expected), parse("{'items':[{'id':2,'tags':[]},{'id':1,'tags':['b','a']}]}")).summary(10))
                .isEqualTo("""
                        removed /items/1/tags/0: "a"
                        added   /items/1/tags/1: "a\"""");
        assertThat(c.withArrayOrderIgnoredAt("/items/*/tags").matches(parse(expected),
                parse("{'items':[{'id':2,'tags':[]},{'id':1,'tags':['b','a']}]}"))).isTrue();
    }

    @Test
    void unordered_lenient_matching_finds_a_pairing_that_a_greedy_first_fit_would_miss() {
        // {a:1} matches both actual elements; {a:1,b:2} only the first. Greedy first-fit gives the
        // first to {a:1} and then finds nothing for {a:1,b:2}.
        JsonRules c = JsonRules.lenient().withArrayOrderIgnored();

        assertThat(c.compare(parse("[{'a':1},{'a':1,'b':2}]"), parse("[{'a':1,'b':2,'c':3},{'a':1,'c':4}]")).matches())
                .isTrue();
    }

    @Test
    void unmatched_elements_of_an_unordered_array_are_compared_with_their_nearest_counterpart() {
        JsonRules c = JsonRules.strict().withArrayOrderIgnored();

        assertThat(c.compare(parse("[{'id':1,'name':'a'},{'id':2,'name':'b'}]"),
                parse("[{'id':2,'name':'b'},{'id':1,'name':'A'}]")).summary(10))
                .isEqualTo("changed /1/name: \"a\" -> \"A\"");
        assertThat(c.compare(parse("[{'id':1,'name':'a'}]"), parse("[{'x':true}]")).summary(10)).isEqualTo("""
                removed /0: {"id":1,"name":"a"}
                added   /0: {"x":true}""");
    }

    @Test
    void arrays_of_different_lengths_never_match_even_leniently() {
        JsonRules c = JsonRules.lenient().withArrayOrderIgnored();

        assertThat(c.matches(parse("[1]"), parse("[1,2]"))).isFalse();
        assertThat(c.compare(parse("[1]"), parse("[2,1]")).summary(10)).isEqualTo("added /0: 2");
    }

    @Test
    void the_aligned_actual_value_leaves_out_allowed_fields_and_follows_the_expected_order() {
        JsonComparisonResult r = JsonRules.lenient().withArrayOrderIgnored().compare(
                parse("{'items':[{'id':1},{'id':2}],'a':1}"),
                parse("{'items':[{'id':2,'x':0},{'id':1,'x':0}],'a':2,'extra':true}"));

        assertThat(CanonicalJson.compact(r.alignedActual())).isEqualTo("{\"a\":2,\"items\":[{\"id\":1},{\"id\":2}]}");
        assertThat(r.summary(10)).isEqualTo("changed /a: 1 -> 2");
    }

    @Test
    void a_subtree_comparison_reports_pointers_from_the_document_root() {
        JsonComparisonResult r = JsonRules.strict().compare(parse("{'id':1}"), parse("{'id':2}"), "/data/0");

        assertThat(r.differences()).singleElement()
                .satisfies(d -> assertThat(d.pointer()).isEqualTo("/data/0/id"));
    }

    @Test
    void pointers_escape_slashes_and_tildes_in_member_names() {
        assertThat(strict("{'a/b':{'c~d':1}}", "{'a/b':{'c~d':2}}").summary(1)).isEqualTo("changed /a~1b/c~0d: 1 -> 2");
    }

    @Test
    void describes_itself_for_failure_messages() {
        assertThat(JsonRules.strict().describe()).isEqualTo("strict");
        assertThat(JsonRules.lenient().withArrayOrderIgnoredAt("/items", "/x/*").describe())
                .isEqualTo("lenient (extra fields allowed, array order ignored at /items, /x/*)");
        assertThat(JsonRules.strict().withArrayOrderIgnored().describe()).isEqualTo("strict (array order ignored)");
        assertThatThrownBy(() -> JsonRules.strict().withArrayOrderIgnoredAt("items"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'items' is not a JSON Pointer pattern");
    }

    @Test
    void records_at_most_a_thousand_differences_and_counts_the_rest() {
        ArrayNode e = nodes.arrayNode();
        ArrayNode a = nodes.arrayNode();
        for (int i = 0; i < 1500; i++) {
            ObjectNode x = e.addObject();
            x.put("k", i);
            ObjectNode y = a.addObject();
            y.put("k", -i - 1);
        }
        JsonComparisonResult r = JsonRules.strict().compare(e, a);

        assertThat(r.total()).isEqualTo(1500);
        assertThat(r.differences()).hasSize(JsonComparisonResult.RECORDED);
        assertThat(r.summary(1)).endsWith("... and 1499 more");
    }

    @Test
    void unordered_matching_of_hundreds_of_near_identical_objects_stays_fast() {
        // Every actual element has an extra field, so no element is identical and each of the 400
        // expected elements must be matched through the lenient comparison; reversed order makes a
        // naive search backtrack. Kuhn's algorithm with memoised pair checks does 400 x 400 checks at most.
        ArrayNode expected = nodes.arrayNode();
        ArrayNode actual = nodes.arrayNode();
        for (int i = 0; i < 400; i++) {
            expected.addObject().put("group", i % 7).put("id", i);
        }
        for (int i = 399; i >= 0; i--) {
            actual.addObject().put("group", i % 7).put("id", i).put("createdAt", "2026-01-01T00:00:" + i);
        }
        JsonRules c = JsonRules.lenient().withArrayOrderIgnored();

        long start = System.nanoTime();
        boolean matched = c.compare(expected, actual).matches();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(matched).isTrue();
        assertThat(millis).as("milliseconds for 400 x 400").isLessThan(5_000);
        ((ObjectNode) actual.get(17)).put("id", 10_000);
        assertThat(c.compare(expected, actual).summary(5)).isEqualTo("changed /17/id: 382 -> 10000");
    }

    @Test
    void any_deep_shuffle_of_arrays_matches_when_order_is_ignored_and_any_changed_leaf_does_not() {
        Random random = new Random(42);
        JsonRules unordered = JsonRules.strict().withArrayOrderIgnored();
        for (int round = 0; round < 500; round++) {
            JsonNode doc = randomValue(random, 0);
            JsonNode shuffled = shuffle(doc, random);

            assertThat(unordered.matches(doc, shuffled)).as("shuffled %s vs %s", doc, shuffled).isTrue();
            assertThat(unordered.compare(doc, shuffled).total()).isZero();
            JsonNode changed = changeOneLeaf(shuffled, random);
            if (changed != null) {
                assertThat(unordered.matches(doc, changed)).as("changed %s vs %s", doc, changed).isFalse();
                assertThat(unordered.compare(doc, changed).total()).isPositive();
            }
        }
    }

    private JsonNode randomValue(Random random, int depth) {
        int kind = depth >= 3 ? random.nextInt(3) : random.nextInt(5);
        return switch (kind) {
            case 0 -> nodes.numberNode(random.nextInt(3));
            case 1 -> nodes.stringNode(List.of("a", "b", "c").get(random.nextInt(3)));
            case 2 -> random.nextBoolean() ? nodes.nullNode() : nodes.booleanNode(random.nextBoolean());
            case 3 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + random.nextInt(4), randomValue(random, depth + 1));
                }
                yield object;
            }
        };
    }

    private JsonNode shuffle(JsonNode node, Random random) {
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.values().forEach(e -> elements.add(shuffle(e, random)));
            Collections.shuffle(elements, random);
            ArrayNode out = nodes.arrayNode();
            elements.forEach(out::add);
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = nodes.objectNode();
            node.properties().forEach(m -> out.set(m.getKey(), shuffle(m.getValue(), random)));
            return out;
        }
        return node;
    }

    /** A copy with one number leaf changed to a value that occurs nowhere, or null without one. */
    private JsonNode changeOneLeaf(JsonNode node, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        JsonNode copy = node.deepCopy();
        collectNumberParents(copy, containers);
        if (containers.isEmpty()) {
            return copy.isNumber() ? nodes.numberNode(99) : null;
        }
        JsonNode parent = containers.get(random.nextInt(containers.size()));
        if (parent.isArray()) {
            for (int i = 0; i < parent.size(); i++) {
                if (parent.get(i).isNumber()) {
                    ((ArrayNode) parent).set(i, nodes.numberNode(99));
                    return copy;
                }
            }
        } else {
            for (String name : new ArrayList<>(parent.propertyNames())) {
                if (parent.get(name).isNumber()) {
                    ((ObjectNode) parent).put(name, 99);
                    return copy;
                }
            }
        }
        return copy;
    }

    private void collectNumberParents(JsonNode node, List<JsonNode> into) {
        boolean has = false;
        for (JsonNode child : node.values()) {
            has |= child.isNumber();
            collectNumberParents(child, into);
        }
        if (has) {
            into.add(node);
        }
    }
}
