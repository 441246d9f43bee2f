package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Retries an attempt with Awaitility, on the calling thread, and on timeout reports the last
 * attempt: its failure, or (when it returned false) the last exchange it made.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {}

    static <T> T run(ClientSettings settings, Duration timeout, Attempt<T> attempt) {
        if (attempt == null) {
            throw new IllegalArgumentException("eventually needs an attempt, such as () -> client.given().get(\"/jobs/1\").expectStatus(200)");
        }
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        AtomicReference<T> lastValue = new AtomicReference<>();
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        try {
            Awaitility.await()
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .pollInSameThread()
                    .until(() -> {
                        attempts.incrementAndGet();
                        settings.scope().forgetLastExchange();
                        try {
                            T value = attempt.run();
                            lastFailure.set(null);
                            lastValue.set(value);
                            return !Boolean.FALSE.equals(value);
                        } catch (Throwable t) {
                            lastFailure.set(t);
                            return false;
                        }
                    });
            return lastValue.get();
        } catch (ConditionTimeoutException timedOut) {
            Throwable failure = lastFailure.get();
            Facts facts = Facts.of("expected", "the attempt to succeed within " + Failures.duration(timeout))
                    .and("but", attempts.get() + " attempts in " + Failures.duration(Duration.ofNanos(System.nanoTime() - start))
                            + " did not succeed; the last " + (failure == null ? "returned false" : "failed"));
            String context;
            if (failure != null) {
                context = "--- the last attempt failed with ---\n" + (failure instanceof AssertionError && failure.getMessage() != null
                        ? failure.getMessage() : dev.testlet.internal.ExchangeFormatter.stackOf(failure));
            } else {
                Exchange last = settings.scope().lastExchange();
                context = last == null ? null : "--- the last exchange of the last attempt ---\n" + settings.formatter().format(last);
            }
            AssertionError error = Failures.of(facts, context);
            error.initCause(failure != null ? failure : timedOut);
            throw error;
        }
    }
}
