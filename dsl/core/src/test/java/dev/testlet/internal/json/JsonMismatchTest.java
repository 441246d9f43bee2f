package dev.testlet.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonMismatchTest {

    private final CanonicalJson json = new CanonicalJson(JsonMapper.builder().build());

    @Test
    void names_the_comparison_lists_the_differences_and_attaches_canonical_documents_for_a_diff() {
        JsonNode expected = json.parse("{\"price\":1.5,\"total\":3}");
        JsonNode actual = json.parse("{\"data\":{\"price\":2,\"extra\":true}}");
        JsonRules lenient = JsonRules.lenient();
        JsonComparisonResult result = lenient.compare(expected, actual.at("/data"), "/data");

        AssertionFailedError error = JsonMismatch.of(result, lenient, "/data", json, "--- request ---\nGET /x");

        assertThat(error.getMessage()).isEqualTo("""
                expected    : the JSON at /data to match (lenient (extra fields allowed))
                differences : 2
                              changed /data/price: 1.5 -> 2
                              removed /data/total: 3

                --- request ---
                GET /x""");
        assertThat(error.getExpected().getStringRepresentation()).isEqualTo("{\n  \"price\": 1.5,\n  \"total\": 3\n}");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo("{\n  \"price\": 2\n}");
    }

    @Test
    void the_whole_body_is_named_as_such() {
        JsonComparisonResult result = JsonRules.strict().compare(json.parse("[1]"), json.parse("[2]"));

        assertThat(JsonMismatch.of(result, JsonRules.strict(), "", json, null).getMessage()).isEqualTo("""
                expected    : the JSON body to match (strict)
                differences : 1
                              changed /0: 1 -> 2""");
    }
}
