package dev.testlet.junit;

import dev.testlet.internal.snapshot.SnapshotSession;
import dev.testlet.internal.snapshot.Snapshots;
import dev.testlet.internal.snapshot.UnusedSnapshots;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The snapshot invocations of one test class in this run. JUnit closes it with the class's context,
 * after the last test: then the entries of the class's snapshot file that no test used any more are
 * reported (and removed in update mode). Thread-safe: tests of a class may run at once. JUnit 6 closes
 * it as an {@code AutoCloseable}, JUnit 5.12 (Spring Boot 3.5's) only as a {@code CloseableResource}.
 */
@SuppressWarnings("deprecation")
final class ClassSnapshots implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {

    private final Class<?> testClass;
    private final Supplier<Snapshots> snapshots;
    private final Queue<SnapshotSession> sessions = new ConcurrentLinkedQueue<>();

    ClassSnapshots(Class<?> testClass, Supplier<Snapshots> snapshots) {
        this.testClass = testClass;
        this.snapshots = snapshots;
    }

    void add(SnapshotSession session) {
        sessions.add(session);
    }

    @Override
    public void close() {
        Snapshots run;
        try {
            run = snapshots.get();
        } catch (IllegalArgumentException e) {
            if (sessions.stream().noneMatch(SnapshotSession::used)) {
                return; // a bad -Dtestlet.snapshots fails the tests that take snapshots, not the others
            }
            throw e;
        }
        UnusedSnapshots unused = run.finishClass(testClass, sessions.stream().map(SnapshotSession::invocation).toList());
        if (!unused.isEmpty()) {
            System.getLogger("dev.testlet").log(System.Logger.Level.WARNING, unused.report());
        }
    }
}
