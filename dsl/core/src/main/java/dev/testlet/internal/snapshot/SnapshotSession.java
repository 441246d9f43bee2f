package dev.testlet.internal.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The snapshots of one running test: where its snapshot file is checked and written ({@link Snapshots},
 * shared by the run, created on first use so a test that takes none never reads the mode), which
 * invocation names them, and the notes to show when the test ends ("snapshot ... was written to ...").
 * Thread-safe.
 *
 * <pre>{@code
 * SnapshotSession session = new SnapshotSession(snapshotsOfTheRun, invocation);
 * session.check("after update", rendering);   // throws on a mismatch
 * session.notes();                             // ["snapshot \"after update\" was missing, so it was written to ..."]
 * }</pre>
 */
public final class SnapshotSession {

    private final Supplier<Snapshots> snapshots;
    private final SnapshotInvocation invocation;
    private final List<String> notes = new ArrayList<>();
    private volatile boolean used;

    /**
     * A session.
     *
     * @param snapshots the run's snapshots, created on first use
     * @param invocation the test invocation that takes them
     */
    public SnapshotSession(Supplier<Snapshots> snapshots, SnapshotInvocation invocation) {
        this.snapshots = snapshots;
        this.invocation = invocation;
    }

    /**
     * Checks (and writes, when it is missing or the run updates) one snapshot of the test.
     *
     * @param name an explicit name, or null for the next numbered one
     * @param actual what the test sees now
     * @throws org.opentest4j.AssertionFailedError when it differs, or is missing on CI
     */
    public void check(@Nullable String name, Rendering actual) {
        used = true;
        String note = snapshots.get().check(invocation, name, actual);
        if (note != null) {
            synchronized (notes) {
                notes.add(note);
            }
            System.getLogger("dev.testlet").log(System.Logger.Level.INFO, note);
        }
    }

    /**
     * What was written or updated, for the test's report.
     *
     * @return the notes, in order
     */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /**
     * Whether the test took a snapshot.
     *
     * @return true once it did
     */
    public boolean used() {
        return used;
    }

    /**
     * The invocation naming the snapshots.
     *
     * @return the invocation
     */
    public SnapshotInvocation invocation() {
        return invocation;
    }
}
