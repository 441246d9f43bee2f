package dev.testlet.engine.spi;

import dev.testlet.engine.RequestPlan;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request ran out of time. Carries what the DSL prints: what was awaited, for how long, what had
 * arrived, and where the thread running the handler was stuck.
 */
public final class RequestTimeoutException extends RuntimeException {

    private final RequestPlan plan;
    private final String awaited;
    private final Duration elapsed;
    private final String received;
    private final @Nullable String handlerDump;

    /**
     * Creates the exception.
     *
     * <pre>{@code throw new RequestTimeoutException(plan, "the response to GET /slow", elapsed, "nothing", dump);}</pre>
     *
     * @param plan the request that timed out
     * @param awaited what was awaited, as "the response to GET /slow"
     * @param elapsed how long it waited
     * @param received what had arrived: "nothing", or the first bytes
     * @param handlerDump the handler thread's stack, or null
     */
    public RequestTimeoutException(RequestPlan plan, String awaited, Duration elapsed, String received,
            @Nullable String handlerDump) {
        super(awaited + " did not arrive within " + Durations.format(plan.timeout()) + " (received: " + received + ")");
        this.plan = plan;
        this.awaited = awaited;
        this.elapsed = elapsed;
        this.received = received;
        this.handlerDump = handlerDump;
    }

    /** The request that timed out. */
    public RequestPlan plan() {
        return plan;
    }

    /** What the engine was waiting for, as "the response to GET /slow". */
    public String awaited() {
        return awaited;
    }

    /** How long it waited. */
    public Duration elapsed() {
        return elapsed;
    }

    /** What had arrived: "nothing", or the first bytes. */
    public String received() {
        return received;
    }

    /** The handler thread's name, state and stack when time ran out; null if no thread was running it. */
    public @Nullable String handlerDump() {
        return handlerDump;
    }
}
