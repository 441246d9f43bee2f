package dev.testlet.internal;

import dev.testlet.TestClient;
import dev.testlet.TestScope;
import org.jspecify.annotations.Nullable;

/**
 * What the JUnit extension binds to the thread running a test: the test's scope, and its client,
 * which the static {@code Testlet.given()} uses.
 *
 * <p>This is Testlet's one static field that holds changing state, and it is confined to threads:
 * an inheritable thread-local, so virtual threads a test starts see the same test. The extension binds
 * it before each test and removes it after; nothing else writes it.
 *
 * @param scope the test's scope
 * @param client the test's client (the scope's, as the extension configured it)
 */
public record TestBinding(TestScope scope, TestClient client) {

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
