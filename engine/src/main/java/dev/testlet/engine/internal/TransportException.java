package dev.testlet.engine.internal;

import dev.testlet.engine.RequestPlan;

/**
 * The engine could not get a response: the server closed the connection early or answered with
 * something that is not HTTP. The DSL turns it into a failure that shows the request.
 */
public final class TransportException extends RuntimeException {

    private final RequestPlan plan;

    TransportException(RequestPlan plan, String message, Throwable cause) {
        super(message, cause);
        this.plan = plan;
    }

    TransportException(RequestPlan plan, String message) {
        super(message);
        this.plan = plan;
    }

    /** The request that failed. */
    public RequestPlan plan() {
        return plan;
    }
}
