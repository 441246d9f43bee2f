package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactsTest {

    @Test
    void aligns_keys_and_continues_multi_line_values_under_their_column() {
        String text = Facts.of("expected status", 200).and("but was", "500 Server Error")
                .and("handler", "\"main\" RUNNABLE\n    at A.b(A.java:1)").render();

        assertThat(text).isEqualTo("""
                expected status : 200
                but was         : 500 Server Error
                handler         : "main" RUNNABLE
                                      at A.b(A.java:1)""");
    }
}
