package dev.testlet.internal;

import dev.testlet.TestClient;
import dev.testlet.TestScope;
import dev.testlet.internal.snapshot.SnapshotSession;
import org.jspecify.annotations.Nullable;

/**
 * What the JUnit extension binds to the thread running a test: the test's scope, its client (which
 * the static {@code Testlet.given()} uses), and its snapshots.
 *
 * <p>This is Testlet's one static field that holds changing state, and it is confined to threads:
 * an inheritable thread-local, so virtual threads a test starts see the same test. The extension binds
 * it before each test and removes it after; nothing else writes it.
 *
 * @param scope the test's scope
 * @param client the test's client (the scope's, as the extension configured it)
 * @param snapshots the test's snapshots, or null outside a test method (in {@code @BeforeAll})
 */
public record TestBinding(TestScope scope, TestClient client, @Nullable SnapshotSession snapshots) {

    private static final InheritableThreadLocal<TestBinding> CURRENT = new InheritableThreadLocal<>();

    /**
     * The binding of the test running on this thread, if any.
     *
     * @return the binding, or null outside a test run by the extension
     */
    public static @Nullable TestBinding current() {
        return CURRENT.get();
    }

    /**
     * The snapshots of the test running on this thread.
     *
     * @param call what asks, for the message ("response.expectSnapshot()")
     * @return the test's snapshot session
     * @throws IllegalStateException outside a test run with the JUnit extension, saying what to do
     */
    public static SnapshotSession snapshots(String call) {
        TestBinding binding = CURRENT.get();
        SnapshotSession session = binding == null ? null : binding.snapshots();
        if (session == null) {
            throw new IllegalStateException(call + " needs the test it runs in, to name the snapshot and find its"
                    + " file: register the JUnit extension (@RegisterExtension static TestletExtension testlet ="
                    + " TestletExtension.forApp(app)) and call it from a test method");
        }
        return session;
    }

    /**
     * Binds a test to this thread (and the threads it starts).
     *
     * @param binding the binding
     */
    public static void bind(TestBinding binding) {
        CURRENT.set(binding);
    }

    /** Removes this thread's binding. */
    public static void unbind() {
        CURRENT.remove();
    }
}
