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
    private final @Nullable Duration overrun;

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
        this(plan, awaited, elapsed, received, handlerDump, null);
    }

    /**
     * Creates the exception for a handler that ran on the waiting thread and went on after its
     * interrupt (so the caller could only give up once it returned).
     *
     * <pre>{@code throw new RequestTimeoutException(plan, "the response to GET /spin", elapsed, "nothing", dump, overrun);}</pre>
     *
     * @param plan the request that timed out
     * @param awaited what was awaited, as "the response to GET /slow"
     * @param elapsed how long it waited
     * @param received what had arrived: "nothing", or the first bytes
     * @param handlerDump the handler thread's stack, or null
     * @param overrun how long the handler ran on after it was interrupted, or null
     */
    public RequestTimeoutException(RequestPlan plan, String awaited, Duration elapsed, String received,
            @Nullable String handlerDump, @Nullable Duration overrun) {
        super(awaited + " did not arrive within " + Durations.format(plan.timeout()) + " (received: " + received + ")");
        this.plan = plan;
        this.awaited = awaited;
        this.elapsed = elapsed;
        this.received = received;
        this.handlerDump = handlerDump;
        this.overrun = overrun;
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

    /**
     * How long a handler that ran on the waiting thread went on after it was interrupted.
     *
     * <pre>{@code e.overrun()   // PT1.8S for a busy loop that ignores interrupts}</pre>
     *
     * @return the time, or null when the handler ran elsewhere (or there was none)
     */
    public @Nullable Duration overrun() {
        return overrun;
    }
}
