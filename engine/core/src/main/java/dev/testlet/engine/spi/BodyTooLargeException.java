package dev.testlet.engine.spi;

import dev.testlet.engine.Exchange;

/**
 * A response body was bigger than the largest body the caller would hold in memory. The body was not
 * kept: the engine stopped reading and dropped the connection (the app's next write fails, as when a
 * client hangs up). Carries what the DSL prints: the status and headers, the body's size (announced,
 * or at least how much came) and the limit.
 *
 * <pre>{@code
 * catch (BodyTooLargeException e) {
 *     e.head().status();        // 200
 *     e.declaredLength();       // 524288000, or -1 for a chunked body
 *     e.limit();                // 67108864
 * }
 * }</pre>
 */
public final class BodyTooLargeException extends RuntimeException {

    private final Exchange head;
    private final long declaredLength;
    private final long received;
    private final long limit;

    /**
     * Creates the exception.
     *
     * <pre>{@code new BodyTooLargeException(head, 524288000, 0, 67108864)}</pre>
     *
     * @param head the exchange with the status and headers, and no body
     * @param declaredLength the body's {@code Content-Length}, or -1 when it had none
     * @param received how many body bytes had come when reading stopped
     * @param limit the limit, in bytes
     */
    public BodyTooLargeException(Exchange head, long declaredLength, long received, long limit) {
        super("the response body of " + head.request().method() + " " + head.request().target() + " is "
                + (declaredLength >= 0 ? declaredLength + " bytes" : "more than " + limit + " bytes")
                + ", over the limit of " + limit + " bytes");
        this.head = head;
        this.declaredLength = declaredLength;
        this.received = received;
        this.limit = limit;
    }

    /**
     * The exchange with the response's status and headers, and no body.
     *
     * <pre>{@code e.head().headers().first("Content-Type")}</pre>
     *
     * @return the exchange
     */
    public Exchange head() {
        return head;
    }

    /**
     * The body's announced length.
     *
     * <pre>{@code e.declaredLength()   // -1 for a chunked body}</pre>
     *
     * @return the {@code Content-Length}, or -1 when the response announced none
     */
    public long declaredLength() {
        return declaredLength;
    }

    /**
     * How many body bytes had arrived when reading stopped.
     *
     * <pre>{@code e.received()}</pre>
     *
     * @return the count
     */
    public long received() {
        return received;
    }

    /**
     * The limit that was exceeded.
     *
     * <pre>{@code e.limit()   // 67108864}</pre>
     *
     * @return the limit, in bytes
     */
    public long limit() {
        return limit;
    }
}
