package dev.testlet.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Argument checks shared by the DSL, so each kind of mistake gets one wording.
 *
 * <pre>{@code Checks.positive(timeout, "timeout", "Duration.ofSeconds(30)")}</pre>
 */
public final class Checks {

    private Checks() {}

    /**
     * A duration that must be positive.
     *
     * @param duration the duration given
     * @param what what it is, for the message ("timeout", "the duration given to expectNoEvent")
     * @param example a sensible value to suggest
     * @return the duration
     * @throws IllegalArgumentException "timeout must be positive, but was PT0S; use for example Duration.ofSeconds(30)"
     */
    public static Duration positive(@Nullable Duration duration, String what, String example) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, but was " + duration
                    + "; use for example " + example);
        }
        return duration;
    }
}
