package dev.testlet.internal;

import dev.testlet.engine.spi.Durations;
import dev.testlet.engine.spi.RequestTimeoutException;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Builds the {@link AssertionError}s Testlet throws: labelled facts first, then the context (the
 * exchange, a transcript). Where there is an expected and an actual value they are attached, so
 * IDEs offer a diff.
 */
public final class Failures {

    private Failures() {}

    /**
     * A failure with facts and context.
     *
     * @param facts what was expected and found
     * @param context the exchange or transcript, or null
     * @return the error to throw
     */
    public static AssertionFailedError of(Facts facts, @Nullable String context) {
        return new AssertionFailedError(message(facts, context));
    }

    /**
     * A failure with facts, context, and expected and actual values for a diff.
     *
     * @param facts what was expected and found
     * @param context the exchange or transcript, or null
     * @param expected the expected value
     * @param actual the actual value
     * @return the error to throw
     */
    public static AssertionFailedError of(Facts facts, @Nullable String context, @Nullable Object expected,
            @Nullable Object actual) {
        return new AssertionFailedError(message(facts, context), expected, actual);
    }

    /**
     * A request that timed out, with where its handler was stuck.
     *
     * @param timeout what the engine reported
     * @param formatter to print the request
     * @return the error to throw
     */
    public static AssertionFailedError timeout(RequestTimeoutException timeout, ExchangeFormatter formatter) {
        Facts facts = Facts.of("timed out after", Durations.format(timeout.plan().timeout()))
                .and("waiting for", timeout.awaited())
                .and("received", timeout.received());
        String dump = timeout.handlerDump();
        java.time.Duration overrun = timeout.overrun();
        facts.and("handler thread", dump == null
                ? "none was inside the app's filter chain when time ran out (an async request that never completed?)"
                : dump + (overrun != null && overrun.toMillis() >= 100
                        ? "\n(it was interrupted, ignored it and returned " + Durations.format(overrun) + " later: a handler"
                                + " that ignores interrupts holds the test's thread; see @Timeout(threadMode = SEPARATE_THREAD))"
                        : "\n(it was interrupted)"));
        facts.and("to wait longer", "client.withTimeout(Duration) or given().timeout(Duration)");
        AssertionFailedError error = of(facts, formatter.formatRequestOnly(timeout.plan()));
        error.initCause(timeout);
        return error;
    }

    /**
     * How long something took, for facts.
     *
     * @param d the duration
     * @return "1.5s", "250ms"...
     */
    public static String duration(java.time.Duration d) {
        return Durations.format(d);
    }

    private static String message(Facts facts, @Nullable String context) {
        return context == null || context.isEmpty() ? facts.render() : facts.render() + "\n\n" + context;
    }
}
