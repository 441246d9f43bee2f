package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** Jackson's processing limits, explained in Testlet's words with a knob that really raises them. */
class JsonConstraintTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void nesting_deeper_than_jacksons_limit_is_explained_with_the_mapper_that_allows_it() {
        String deep = "[".repeat(501) + "]".repeat(501);

        String explained = Json.explainConstraint(catchThrowable(() -> mapper.readTree(deep)));

        assertThat(explained).isEqualTo("the JSON is nested 501 levels deep, more than Jackson's limit of 500"
                + " (StreamReadConstraints maxNestingDepth); to allow it, give the client a mapper with a higher limit:"
                + " client.withJsonMapper(JsonMapper.builder(JsonFactory.builder().streamReadConstraints("
                + "StreamReadConstraints.builder().maxNestingDepth(2000).build()).build()).build())");
        JsonMapper suggested = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(2000).build()).build()).build();
        assertThat(suggested.readTree(deep).isArray()).as("the suggested mapper reads it").isTrue();
    }

    @Test
    void a_number_longer_than_jacksons_limit_is_explained() {
        String number = "[" + "9".repeat(1001) + "]";

        String explained = Json.explainConstraint(catchThrowable(() -> mapper.readTree(number)));

        assertThat(explained).isEqualTo("a number in the JSON is 1,001 characters long, more than Jackson's limit of"
                + " 1,000 (StreamReadConstraints maxNumberLength); to allow it, give the client a mapper with a higher"
                + " limit: client.withJsonMapper(JsonMapper.builder(JsonFactory.builder().streamReadConstraints("
                + "StreamReadConstraints.builder().maxNumberLength(4000).build()).build()).build())");
    }

    @Test
    void writing_a_value_nested_too_deep_is_explained_with_the_write_constraints() {
        Object value = java.util.List.of();
        for (int i = 0; i < 600; i++) {
            value = java.util.List.of(value);
        }
        Object deep = value;

        String explained = Json.explainConstraint(catchThrowable(() -> mapper.writeValueAsString(deep)));

        assertThat(explained).startsWith("the value written as JSON is nested 501 levels deep, more than Jackson's"
                + " limit of 500 (StreamWriteConstraints maxNestingDepth);")
                .endsWith("streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(2000).build()).build()).build())");
    }

    @Test
    void other_failures_are_not_about_a_limit() {
        assertThat(Json.explainConstraint(catchThrowable(() -> mapper.readTree("{oops")))).isNull();
        assertThat(Json.explainConstraint(new IllegalStateException("x"))).isNull();
    }
}
