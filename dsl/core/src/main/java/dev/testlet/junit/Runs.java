package dev.testlet.junit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which mode a test runs in: an {@link InBothModes} run's, else the {@code testlet.mode} setting, else
 * in-process; and whether an {@link OnlyInMode} test runs in it. Uses no JUnit API newer than 5.8, so
 * the extension loads on JUnit 5.12 (Spring Boot 3.5's).
 *
 * <pre>{@code Mode mode = Runs.mode(context);}</pre>
 */
final class Runs {

    private Runs() {}

    /**
     * The mode of the run a context belongs to.
     *
     * @param context any context of the run
     * @return the mode
     * @throws IllegalArgumentException when {@code testlet.mode} has an invalid value
     */
    static Mode mode(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Mode run = c.getStore(Mode.STORE).get(Mode.class, Mode.class);
            if (run != null) {
                return run;
            }
        }
        Mode chosen = Mode.parse(context.getConfigurationParameter(Mode.PROPERTY).orElse(System.getProperty(Mode.PROPERTY)));
        return chosen == null ? Mode.IN_PROCESS : chosen;
    }

    /**
     * Whether a class runs once per mode: {@link InBothModes} on it or on a class it is nested in.
     *
     * @param type the test class, or null
     * @return true for such a class
     */
    static boolean twice(@Nullable Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (t.isAnnotationPresent(InBothModes.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Skips a test marked {@link OnlyInMode} for another mode than this run's, saying why.
     *
     * @param context the test's context
     * @return enabled, or disabled with the reason
     */
    static ConditionEvaluationResult condition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("modes are decided per test");
        }
        OnlyInMode only = context.getTestMethod().map(m -> m.getAnnotation(OnlyInMode.class))
                .or(() -> context.getTestClass().map(c -> c.getAnnotation(OnlyInMode.class))).orElse(null);
        if (only == null) {
            return ConditionEvaluationResult.enabled("runs in every mode");
        }
        Mode mode = mode(context);
        return only.value() == mode ? ConditionEvaluationResult.enabled("runs " + mode.label())
                : ConditionEvaluationResult.disabled("only meant " + only.value().label() + ", and this run is "
                        + mode.label() + (only.because().isEmpty() ? "" : ": " + only.because()));
    }
}
