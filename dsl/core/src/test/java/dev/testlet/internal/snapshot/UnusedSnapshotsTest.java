package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class UnusedSnapshotsTest {

    /** The test class whose snapshot file is examined. */
    static class Fixture extends Base {
        void alpha() {}

        void beta() {}

        void gamma() {}
    }

    /** A superclass method counts as existing. */
    static class Base {
        void inherited() {}
    }

    private static final String PLAIN = "[engine:junit-jupiter]/[class:Fixture]/[method:m()]";

    @TempDir
    Path dir;

    private Snapshots snapshots(String mode) {
        return new Snapshots(SnapshotMode.resolve(mode, null), new SnapshotLocator(dir, List.of()), dir,
                JsonMapper.builder().build());
    }

    private SnapshotFile fileWith(String... names) {
        SnapshotFile file = snapshots(null).fileFor(Fixture.class);
        for (String n : names) {
            file.write(n, "x");
        }
        return file;
    }

    private static SnapshotInvocation ran(String method, String uniqueId, boolean passed, String... explicitNames) {
        SnapshotInvocation inv = new SnapshotInvocation(Fixture.class, method, uniqueId);
        inv.nextName(null);
        for (String name : explicitNames) {
            inv.nextName(name);
        }
        inv.finished(passed);
        return inv;
    }

    @Test
    void running_one_method_never_reports_the_entries_of_the_others() {
        fileWith("alpha", "alpha/2", "beta", "gamma/after", "inherited");

        UnusedSnapshots unused = snapshots(null).finishClass(Fixture.class, List.of(ran("alpha", PLAIN, true)));

        assertThat(unused.entries()).extracting(UnusedSnapshots.Unused::name).containsExactly("alpha/2");
    }

    @Test
    void entries_of_methods_that_no_longer_exist_are_unused_even_when_nothing_ran() {
        fileWith("alpha", "renamed", "renamed[2]/x");

        UnusedSnapshots unused = snapshots(null).finishClass(Fixture.class, List.of());

        assertThat(unused.report()).isEqualTo("""
                2 unused snapshots in dev/testlet/internal/snapshot/UnusedSnapshotsTest.Fixture.snap:
                  renamed: its test method renamed() no longer exists in Fixture
                  renamed[2]/x: its test method renamed() no longer exists in Fixture
                Run the tests with -Dtestlet.snapshots=update to remove them.""");
        assertThat(unused.removed()).isFalse();
    }

    @Test
    void a_failed_or_aborted_test_keeps_all_its_entries() {
        fileWith("alpha", "alpha/2", "alpha/after");

        assertThat(snapshots(null).finishClass(Fixture.class, List.of(ran("alpha", PLAIN, false))).isEmpty()).isTrue();
        SnapshotInvocation unfinished = new SnapshotInvocation(Fixture.class, "alpha", PLAIN);
        assertThat(snapshots(null).finishClass(Fixture.class, List.of(unfinished)).isEmpty()).isTrue();
    }

    @Test
    void parameterized_invocations_are_judged_one_by_one() {
        fileWith("beta[1]", "beta[1]/2", "beta[2]", "beta[3]");
        String second = "[engine:junit-jupiter]/[class:Fixture]/[test-template:beta(int)]/[test-template-invocation:#2]";
        String first = second.replace("#2", "#1");

        UnusedSnapshots unused = snapshots(null).finishClass(Fixture.class,
                List.of(ran("beta", first, true), ran("beta", second, true)));

        assertThat(unused.entries()).extracting(UnusedSnapshots.Unused::name).containsExactly("beta[1]/2");
    }

    @Test
    void a_test_that_changed_between_plain_and_parameterized_leaves_its_old_entries_unused() {
        fileWith("alpha", "alpha[1]", "beta", "beta[1]");
        String betaInvocation = "[engine:junit-jupiter]/[class:Fixture]/[test-template:beta(int)]"
                + "/[test-template-invocation:#1]";

        UnusedSnapshots unused = snapshots(null).finishClass(Fixture.class,
                List.of(ran("alpha", PLAIN, true), ran("beta", betaInvocation, true)));

        assertThat(unused.report()).isEqualTo("""
                2 unused snapshots in dev/testlet/internal/snapshot/UnusedSnapshotsTest.Fixture.snap:
                  alpha[1]: alpha passed in this run as a plain test, not a parameterized one
                  beta: beta passed in this run as a parameterized test
                Run the tests with -Dtestlet.snapshots=update to remove them.""");
    }

    @Test
    void update_mode_removes_them_and_deletes_a_file_left_empty() {
        SnapshotFile file = fileWith("alpha", "alpha/2", "gone");

        UnusedSnapshots unused = snapshots("update").finishClass(Fixture.class, List.of(ran("alpha", PLAIN, true)));

        assertThat(unused.report()).isEqualTo("""
                removed 2 unused snapshots from dev/testlet/internal/snapshot/UnusedSnapshotsTest.Fixture.snap:
                  alpha/2: alpha passed in this run without taking it
                  gone: its test method gone() no longer exists in Fixture""");
        assertThat(new SnapshotFile(file.path(), "T", "x").names()).containsExactly("alpha");

    }

    @Test
    void update_mode_deletes_a_file_left_without_entries() {
        SnapshotFile file = fileWith("gone");

        UnusedSnapshots unused = snapshots("update").finishClass(Fixture.class, List.of());

        assertThat(unused.report()).isEqualTo("""
                removed 1 unused snapshot from dev/testlet/internal/snapshot/UnusedSnapshotsTest.Fixture.snap\
                 (no snapshot was left, so the file was deleted):
                  gone: its test method gone() no longer exists in Fixture""");
        assertThat(unused.fileDeleted()).isTrue();
        assertThat(file.path()).doesNotExist();
    }

    @Test
    void nothing_unused_reports_nothing() {
        fileWith("alpha");

        UnusedSnapshots unused = snapshots(null).finishClass(Fixture.class, List.of(ran("alpha", PLAIN, true)));

        assertThat(unused.isEmpty()).isTrue();
        assertThat(unused.report()).isEmpty();
        assertThat(snapshots(null).finishClass(UnusedSnapshotsTest.class, List.of()).isEmpty()).isTrue();
    }

    @Test
    void a_class_whose_source_cannot_be_found_has_nothing_to_report() {
        Snapshots noSources = new Snapshots(SnapshotMode.resolve(null, null), new SnapshotLocator(null, List.of()), dir,
                JsonMapper.builder().build());

        assertThat(noSources.finishClass(String.class, List.of()).isEmpty()).isTrue();
    }

    @Test
    void owner_and_invocation_of_an_entry() {
        assertThat(UnusedSnapshots.methodOf("m[3]/after/x")).isEqualTo("m");
        assertThat(UnusedSnapshots.methodOf("m/a[1]")).isEqualTo("m");
        assertThat(UnusedSnapshots.keyOf("m[3]/after/x")).isEqualTo("m[3]");
        assertThat(UnusedSnapshots.keyOf("m")).isEqualTo("m");
    }
}
