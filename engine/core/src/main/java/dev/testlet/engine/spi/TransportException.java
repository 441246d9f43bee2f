package dev.testlet.engine.spi;

import dev.testlet.engine.RequestPlan;

/**
 * The engine could not get a response: the server closed the connection early or answered with
 * something that is not HTTP. The DSL turns it into a failure that shows the request.
 */
public final class TransportException extends RuntimeException {

    private final RequestPlan plan;

    /**
     * Creates the exception with its cause.
     *
     * <pre>{@code throw new TransportException(plan, "the server closed the connection", e);}</pre>
     *
     * @param plan the request that failed
     * @param message what happened
     * @param cause the underlying failure
     */
    public TransportException(RequestPlan plan, String message, Throwable cause) {
        super(message, cause);
        this.plan = plan;
    }

    /**
     * Creates the exception.
     *
     * <pre>{@code throw new TransportException(plan, "the response is not valid HTTP");}</pre>
     *
     * @param plan the request that failed
     * @param message what happened
     */
    public TransportException(RequestPlan plan, String message) {
        super(message);
        this.plan = plan;
    }

    /** The request that failed. */
    public RequestPlan plan() {
        return plan;
    }
}
