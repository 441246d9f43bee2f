package dev.testlet.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class CanonicalJsonTest {

    private final CanonicalJson json = new CanonicalJson(JsonMapper.builder().build());

    private String pretty(String text) {
        JsonNode node = json.parse(text);
        assertThat(node).as("parses: " + text).isNotNull();
        return json.pretty(node);
    }

    @Test
    void sorts_members_indents_by_two_spaces_and_puts_each_element_on_its_own_line() {
        assertThat(pretty("{\"b\":{\"y\":[1,{\"k\":null}],\"x\":true},\"a\":\"s\",\"c\":[],\"d\":{}}")).isEqualTo("""
                {
                  "a": "s",
                  "b": {
                    "x": true,
                    "y": [
                      1,
                      {
                        "k": null
                      }
                    ]
                  },
                  "c": [],
                  "d": {}
                }""");
    }

    @Test
    void prints_numbers_by_value_so_trailing_zeros_and_exponents_do_not_flap() {
        assertThat(pretty("[1.50, 1.5, 1.500, 3.0, 3, 1e3, 0.1, -0.0, 100, 12345678901234567890123]")).isEqualTo("""
                [
                  1.5,
                  1.5,
                  1.5,
                  3,
                  3,
                  1000,
                  0.1,
                  0,
                  100,
                  1.2345678901234567890123e+22
                ]""");
    }

    @Test
    void keeps_every_digit_of_a_decimal_instead_of_rounding_through_double() {
        assertThat(pretty("[1.0000000000000000001, 0.30000000000000004, 1e-7, 1.5e-8, 1e400, 99e19]")).isEqualTo("""
                [
                  1.0000000000000000001,
                  0.30000000000000004,
                  0.0000001,
                  1.5e-8,
                  1e+400,
                  990000000000000000000
                ]""");
    }

    @Test
    void numbers_built_in_java_print_like_the_parsed_ones() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertThat(CanonicalJson.number(f.numberNode(3))).isEqualTo("3");
        assertThat(CanonicalJson.number(f.numberNode(3L))).isEqualTo("3");
        assertThat(CanonicalJson.number(f.numberNode(3.0))).isEqualTo("3");
        assertThat(CanonicalJson.number(f.numberNode(1.5f))).isEqualTo("1.5");
        assertThat(CanonicalJson.number(f.numberNode(new BigDecimal("2.50")))).isEqualTo("2.5");
        assertThat(CanonicalJson.number(f.numberNode(Double.NaN))).isEqualTo("NaN");
    }

    @Test
    void escapes_quotes_backslashes_control_characters_and_unpaired_surrogates_and_keeps_other_text() {
        JsonNode node = JsonNodeFactory.instance.stringNode("q\" b\\ n\n t\t \u0001 é 😀 \ud800x");

        assertThat(CanonicalJson.compact(node)).isEqualTo("\"q\\\" b\\\\ n\\n t\\t \\u0001 é 😀 \\ud800x\"");
    }

    @Test
    void compact_form_has_no_spaces_and_sorted_members() {
        assertThat(CanonicalJson.compact(json.parse("{ \"b\" : [1, 2], \"a\" : 1.10 }"))).isEqualTo("{\"a\":1.1,\"b\":[1,2]}");
    }

    @Test
    void parse_returns_null_for_what_is_not_exactly_one_json_value() {
        assertThat(json.parse("hello")).isNull();
        assertThat(json.parse("{\"a\":1} trailing")).isNull();
        assertThat(json.parse("")).isNull();
        assertThat(json.parse("  ")).isNull();
        assertThat(json.parse(new byte[0])).isNull();
        assertThat(json.parse("\"just a string\"".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotNull();
    }

    @Test
    void the_canonical_text_parses_back_to_the_same_canonical_text() {
        String text = pretty("{\"z\":[{\"b\":2.50,\"a\":\"x\\ny\"}],\"é\":\"\\u0000\"}");

        assertThat(json.pretty(json.parse(text))).isEqualTo(text);
    }
}
