package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void the_defaults_are_lines_1_mib_events_4_mib_messages_16_mib_bodies_64_mib() {
        assertThat(Limits.defaults()).isEqualTo(new Limits(1 << 20, 4 << 20, 16 << 20, 64 << 20));
    }

    @Test
    void each_with_changes_one_limit_and_leaves_the_original_alone() {
        Limits defaults = Limits.defaults();

        Limits raised = defaults.withMaxLineBytes(1).withMaxEventBytes(2).withMaxMessageBytes(3).withMaxBodyBytes(4);

        assertThat(raised).isEqualTo(new Limits(1, 2, 3, 4));
        assertThat(defaults).isEqualTo(Limits.defaults());
    }

    @Test
    void a_limit_that_is_not_positive_is_refused_with_an_example() {
        assertThatThrownBy(() -> Limits.defaults().withMaxLineBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLineBytes must be positive, but was 0; a limit is a number of bytes, for example"
                        + " Limits.defaults().withMaxLineBytes(8 * 1024 * 1024) for 8 MiB");
        assertThatThrownBy(() -> Limits.defaults().withMaxBodyBytes(-1))
                .hasMessageStartingWith("maxBodyBytes must be positive, but was -1;");
        assertThatThrownBy(() -> Limits.defaults().withMaxEventBytes(0)).hasMessageStartingWith("maxEventBytes must");
        assertThatThrownBy(() -> Limits.defaults().withMaxMessageBytes(0)).hasMessageStartingWith("maxMessageBytes must");
    }
}
