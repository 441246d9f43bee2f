package dev.testlet.engine;

import org.jspecify.annotations.Nullable;

/**
 * The app could not start: a listener's {@code contextInitialized}, a servlet's {@code init}, an
 * initializer or a Jetty customizer threw, or startup took longer than its timeout. The message
 * names the component; the cause is what it threw. Nothing of the app is left running.
 *
 * <pre>{@code
 * AppStartupException e = assertThrows(AppStartupException.class, () -> Testlet.start(app));
 * assertThat(e).hasRootCauseMessage("database unreachable");
 * }</pre>
 */
public final class AppStartupException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the component
     * @param cause what it threw, or null when the problem is not an exception (a missing module)
     */
    public AppStartupException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
