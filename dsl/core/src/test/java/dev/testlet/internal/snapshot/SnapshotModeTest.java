package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.internal.snapshot.SnapshotMode.Policy;
import org.junit.jupiter.api.Test;

class SnapshotModeTest {

    @Test
    void locally_missing_snapshots_are_written() {
        assertThat(SnapshotMode.resolve(null, null).policy()).isEqualTo(Policy.WRITE_MISSING);
        assertThat(SnapshotMode.resolve("", "").policy()).isEqualTo(Policy.WRITE_MISSING);
        assertThat(SnapshotMode.resolve(" Auto ", null).policy()).isEqualTo(Policy.WRITE_MISSING);
    }

    @Test
    void the_ci_variable_makes_missing_snapshots_fail_unless_it_says_false_or_0() {
        assertThat(SnapshotMode.resolve(null, "true")).isEqualTo(new SnapshotMode(Policy.VERIFY,
                "the CI environment variable is set (\"true\"), and on CI missing snapshots fail instead of being written"));
        assertThat(SnapshotMode.resolve(null, "1").policy()).isEqualTo(Policy.VERIFY);
        assertThat(SnapshotMode.resolve(null, "false").policy()).isEqualTo(Policy.WRITE_MISSING);
        assertThat(SnapshotMode.resolve(null, " FALSE ").policy()).isEqualTo(Policy.WRITE_MISSING);
        assertThat(SnapshotMode.resolve(null, "0").policy()).isEqualTo(Policy.WRITE_MISSING);
        assertThat(SnapshotMode.resolve(null, " ").policy()).isEqualTo(Policy.WRITE_MISSING);
    }

    @Test
    void the_property_wins_over_the_environment() {
        assertThat(SnapshotMode.resolve("update", "true"))
                .isEqualTo(new SnapshotMode(Policy.UPDATE, "-Dtestlet.snapshots=update is set"));
        assertThat(SnapshotMode.resolve("UPDATE", null).policy()).isEqualTo(Policy.UPDATE);
        assertThat(SnapshotMode.resolve("verify", null))
                .isEqualTo(new SnapshotMode(Policy.VERIFY, "-Dtestlet.snapshots=verify is set"));
    }

    @Test
    void an_invalid_value_fails_with_the_valid_ones() {
        assertThatThrownBy(() -> SnapshotMode.resolve("upd", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dtestlet.snapshots=upd is not a snapshot mode; use update (rewrite snapshots that differ"
                        + " or are missing, remove unused ones), verify (fail on missing snapshots, as on CI) or auto"
                        + " (the default: write missing snapshots, except on CI)");
    }
}
