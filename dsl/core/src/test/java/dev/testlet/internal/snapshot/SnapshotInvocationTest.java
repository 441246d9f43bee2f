package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotInvocationTest {

    private static final String PLAIN = "[engine:junit-jupiter]/[class:com.example.ItemsTest]/[method:creates()]";
    private static final String TEMPLATE = "[engine:junit-jupiter]/[class:com.example.ItemsTest]"
            + "/[test-template:lists(int)]/[test-template-invocation:#3]";

    @Test
    void the_first_snapshot_is_named_after_the_method_and_later_ones_are_numbered() {
        SnapshotInvocation inv = new SnapshotInvocation(SnapshotInvocationTest.class, "creates", PLAIN);

        assertThat(inv.nextName(null)).isEqualTo("creates");
        assertThat(inv.nextName("after update")).isEqualTo("creates/after update");
        assertThat(inv.nextName(null)).isEqualTo("creates/2");
        assertThat(inv.nextName(null)).isEqualTo("creates/3");
        assertThat(inv.produced()).containsExactlyInAnyOrder("creates", "creates/after update", "creates/2", "creates/3");
        assertThat(inv.key()).isEqualTo("creates");
    }

    @Test
    void parameterized_repeated_and_dynamic_invocations_add_their_indices() {
        assertThat(new SnapshotInvocation(getClass(), "lists", TEMPLATE).nextName(null)).isEqualTo("lists[3]");
        assertThat(SnapshotInvocation.invocationSuffix("[engine:junit-jupiter]/[class:a.B]/[test-factory:f()]"
                + "/[dynamic-container:#2]/[dynamic-test:#1]")).isEqualTo("[2][1]");
        assertThat(SnapshotInvocation.invocationSuffix("[engine:junit-jupiter]/[class-template:a.B]"
                + "/[class-template-invocation:#4]/[method:m()]")).isEqualTo("[4]");
        assertThat(SnapshotInvocation.invocationSuffix(PLAIN)).isEmpty();
        SnapshotInvocation inv = new SnapshotInvocation(getClass(), "lists", TEMPLATE);
        inv.nextName(null);
        assertThat(inv.nextName(null)).isEqualTo("lists[3]/2");
    }

    @Test
    void the_same_test_gets_the_same_names_on_every_run() {
        SnapshotInvocation first = new SnapshotInvocation(getClass(), "lists", TEMPLATE);
        SnapshotInvocation second = new SnapshotInvocation(getClass(), "lists", TEMPLATE);

        assertThat(first.nextName(null) + first.nextName("x")).isEqualTo(second.nextName(null) + second.nextName("x"));
    }

    @Test
    void rejects_blank_numeric_and_repeated_explicit_names() {
        SnapshotInvocation inv = new SnapshotInvocation(getClass(), "creates", PLAIN);
        inv.nextName("after");

        assertThatThrownBy(() -> inv.nextName(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a snapshot name must not be blank; use expectSnapshot() to have it named after the test");
        assertThatThrownBy(() -> inv.nextName("2"))
                .hasMessage("snapshot name \"2\" is a number, and numbers name the unnamed snapshots of a test"
                        + " (creates/2, creates/3...); use a word, such as \"step 2\"");
        assertThatThrownBy(() -> inv.nextName("after"))
                .hasMessage("snapshot name \"after\" is already used in this test; give each snapshot of a test its own name");
        assertThatThrownBy(() -> new SnapshotInvocation(getClass(), "", PLAIN))
                .hasMessage("'' is not a test method name");
    }

    @Test
    void remembers_whether_the_test_passed() {
        SnapshotInvocation inv = new SnapshotInvocation(getClass(), "creates", PLAIN);

        assertThat(inv.passed()).isFalse();
        inv.finished(false);
        assertThat(inv.passed()).isFalse();
        inv.finished(true);
        assertThat(inv.passed()).isTrue();
        assertThat(inv.toString()).isEqualTo("SnapshotInvocationTest.creates");
    }
}
