package dev.testlet.junit;

import dev.testlet.internal.snapshot.SnapshotInvocation;
import dev.testlet.internal.snapshot.SnapshotSession;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The snapshots of a test: named after it, taken against the run's files, and registered with its
 * class, so the class's unused snapshots are reported when it ends.
 *
 * <pre>{@code SnapshotSession snapshots = TestSnapshots.open(context);   // in beforeEach}</pre>
 */
final class TestSnapshots {

    /** Where the run's and each class's snapshot bookkeeping lives (not per extension instance). */
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(TestSnapshots.class);

    private TestSnapshots() {}

    /**
     * Opens the snapshots of the test a context runs. {@code getOrComputeIfAbsent}, deprecated in JUnit
     * 6, is the one JUnit 5.12 (Spring Boot 3.5's) has.
     *
     * @param context a test's context
     * @return its snapshot session
     */
    @SuppressWarnings("deprecation")
    static SnapshotSession open(ExtensionContext context) {
        RunSnapshots run = context.getRoot().getStore(STORE).getOrComputeIfAbsent(RunSnapshots.class,
                k -> new RunSnapshots(key -> context.getRoot().getConfigurationParameter(key).orElse(null)),
                RunSnapshots.class);
        Class<?> testClass = context.getRequiredTestClass();
        // Both modes of an @InBothModes class take the same snapshots: that is what shows they agree.
        String uniqueId = Runs.twice(testClass)
                ? context.getUniqueId().replaceFirst("/\\[class-template-invocation:#\\d+]", "") : context.getUniqueId();
        SnapshotSession session = new SnapshotSession(run,
                new SnapshotInvocation(testClass, context.getRequiredTestMethod().getName(), uniqueId));
        classContext(context).getStore(STORE).getOrComputeIfAbsent(ClassSnapshots.class,
                k -> new ClassSnapshots(testClass, run), ClassSnapshots.class).add(session);
        return session;
    }

    /**
     * The context of the class a test belongs to (a nested class's own); for an @InBothModes class the
     * context of both its runs, so its unused snapshots are judged once, after both.
     */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() || c.getTestClass().isEmpty()) {
            ExtensionContext parent = c.getParent().orElse(null);
            if (parent == null) {
                return context;
            }
            c = parent;
        }
        ExtensionContext template = c.getParent().orElse(null);
        return Runs.twice(c.getTestClass().orElse(null)) && template != null
                && template.getTestClass().equals(c.getTestClass()) ? template : c;
    }
}
