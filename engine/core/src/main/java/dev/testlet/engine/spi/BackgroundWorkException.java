package dev.testlet.engine.spi;

import org.jspecify.annotations.Nullable;

/** Background work failed (the cause is what it threw) or did not finish in time (the message says what was running). */
public final class BackgroundWorkException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * <pre>{@code throw new BackgroundWorkException("1 piece of background work was still running", null);}</pre>
     *
     * @param message what failed or was still running
     * @param cause what the task threw, or null for a timeout
     */
    public BackgroundWorkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
