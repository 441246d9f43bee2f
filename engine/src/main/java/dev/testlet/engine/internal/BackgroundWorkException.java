package dev.testlet.engine.internal;

import org.jspecify.annotations.Nullable;

/** Background work failed (the cause is what it threw) or did not finish in time (the message says what was running). */
public final class BackgroundWorkException extends RuntimeException {

    BackgroundWorkException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
