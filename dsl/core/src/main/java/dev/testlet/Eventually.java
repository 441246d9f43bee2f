package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import java.time.Duration;

/**
 * Retries an attempt on the calling thread every 20 ms until it passes or the time is up (the last
 * attempt may run past it, bounded by its own requests' timeouts), then reports the last attempt: its
 * failure, or (when it returned false) the last exchange it made.
 */
final class Eventually {

    private static final Duration POLL = Duration.ofMillis(20);

    private Eventually() {}

    static <T> T run(ClientSettings settings, Duration timeout, Attempt<T> attempt) {
        if (attempt == null) {
            throw new IllegalArgumentException("eventually needs an attempt, such as () -> client.given().get(\"/jobs/1\").expectStatus(200)");
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int attempts = 0;
        Throwable lastFailure;
        while (true) {
            attempts++;
            settings.scope().forgetLastExchange();
            try {
                T value = attempt.run();
                if (!Boolean.FALSE.equals(value)) {
                    return value;
                }
                lastFailure = null;
            } catch (Throwable t) {
                lastFailure = t;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, POLL.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                AssertionError error = Failures.of(Facts.of("expected", "the attempt to succeed within " + Failures.duration(timeout))
                        .and("but", "the test's thread was interrupted after " + attempts + " attempts"), null);
                error.initCause(e);
                throw error;
            }
        }
        Facts facts = Facts.of("expected", "the attempt to succeed within " + Failures.duration(timeout))
                .and("but", attempts + " attempts in " + Failures.duration(Duration.ofNanos(System.nanoTime() - start))
                        + " did not succeed; the last " + (lastFailure == null ? "returned false" : "failed"));
        String context;
        if (lastFailure != null) {
            context = "--- the last attempt failed with ---\n" + (lastFailure instanceof AssertionError && lastFailure.getMessage() != null
                    ? lastFailure.getMessage() : dev.testlet.internal.ExchangeFormatter.stackOf(lastFailure));
        } else {
            Exchange last = settings.scope().lastExchange();
            context = last == null ? null : "--- the last exchange of the last attempt ---\n" + settings.formatter().format(last);
        }
        AssertionError error = Failures.of(facts, context);
        if (lastFailure != null) {
            error.initCause(lastFailure);
        }
        throw error;
    }
}
