package dev.testlet;

/**
 * The expectations {@link TestClient#softly(SoftBlock)} runs, collecting every failure instead of
 * stopping at the first.
 *
 * <pre>{@code
 * client.softly(() -> {
 *     response.expectStatus(201);
 *     response.expectJson("/name", "pen");
 * });
 * }</pre>
 */
@FunctionalInterface
public interface SoftBlock {

    /**
     * Runs the expectations.
     *
     * @throws Exception anything; it ends the block and is reported after the failures collected so far
     */
    void run() throws Exception;
}
