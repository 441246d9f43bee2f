package dev.testlet;

/**
 * One call of {@link TestClient#concurrently(int, ClientCall)}: what each of the concurrent virtual
 * threads does with the client. It may throw; every failure is reported with its index.
 *
 * <pre>{@code client.concurrently(50, c -> c.given().post("/counter").expectStatus(200))}</pre>
 *
 * @param <T> what each call returns
 */
@FunctionalInterface
public interface ClientCall<T> {

    /**
     * Makes the call.
     *
     * @param client the client
     * @return the call's result
     * @throws Exception anything; it is reported with the call's index
     */
    T call(TestClient client) throws Exception;
}
