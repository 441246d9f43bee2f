package dev.testlet;

/**
 * One attempt of {@link TestClient#eventually(Attempt)}: it succeeds when it returns without
 * throwing and does not return {@code false}. So both styles work, in Java and in Kotlin:
 *
 * <pre>{@code
 * client.eventually(() -> client.given().get("/jobs/1").expectStatus(200));   // expectations
 * client.eventually(() -> mailer.sent().size() == 1);                         // a condition
 * }</pre>
 *
 * <p>Kotlin users: a lambda whose last expression is a {@code Boolean} is a condition, not a value
 * to ignore, so {@code client.eventually { jobs.isEmpty() }} waits as it reads.
 *
 * @param <T> what the attempt returns (returned by {@code eventually} once it succeeds)
 */
@FunctionalInterface
public interface Attempt<T> {

    /**
     * Makes one attempt.
     *
     * @return any value; {@code false} means "not yet"
     * @throws Exception anything; it means "not yet", and the last one is reported on timeout
     */
    T run() throws Exception;
}
