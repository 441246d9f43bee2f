package dev.testlet.engine.internal;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One request between the moment its first byte is written and the moment its response is read:
 * which thread waits for it, which thread runs its handler, what escaped the app, what it logged,
 * and whether it ran out of time.
 *
 * <p>The state moves once, from running to either done (the caller finished it) or timed out (the
 * caller or the watchdog gave up). Whoever times it out records the handler's stack and interrupts
 * the handler thread.
 */
public final class InFlight implements Deadline {

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int TIMED_OUT = 2;

    private final RequestPlan plan;
    private final boolean live;
    private final Thread caller;
    private final long startNanos;
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final AtomicInteger handlerDepth = new AtomicInteger();
    private volatile @Nullable Thread handler;
    private volatile @Nullable Throwable serverException;
    private volatile @Nullable String handlerDump;
    private volatile boolean interruptDelivered;
    private volatile boolean endpointClosed;
    private final List<ServerLogRecord> log = new ArrayList<>(0);

    InFlight(RequestPlan plan, Thread caller, long startNanos, long deadlineNanos) {
        this(plan, false, caller, startNanos, deadlineNanos);
    }

    InFlight(RequestPlan plan, boolean live, Thread caller, long startNanos, long deadlineNanos) {
        this.plan = plan;
        this.live = live;
        this.caller = caller;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
    }

    RequestPlan plan() {
        return plan;
    }

    /**
     * Whether this is a live exchange the test holds open (a stream, a WebSocket): its async context
     * is the test's to close, not background work to wait for.
     */
    boolean isLive() {
        return live;
    }

    long startNanos() {
        return startNanos;
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** The filter entered the app's chain on this thread. */
    void enterHandler(Thread thread) {
        if (handlerDepth.getAndIncrement() == 0) {
            handler = thread;
        }
    }

    /** The filter left the app's chain. */
    void exitHandler() {
        if (handlerDepth.decrementAndGet() == 0) {
            handler = null;
        }
    }

    /** Keeps the first exception that escaped the app's filter chain. */
    void recordServerException(Throwable t) {
        if (serverException == null) {
            serverException = t;
        }
    }

    @Nullable Throwable serverException() {
        return serverException;
    }

    /** For a WebSocket session: Jetty has closed the endpoint's side (its errors are recorded by now). */
    void endpointClosed() {
        endpointClosed = true;
    }

    boolean isEndpointClosed() {
        return endpointClosed;
    }

    void recordLog(ServerLogRecord record) {
        synchronized (log) {
            if (log.size() < 500) {
                log.add(record);
            }
        }
    }

    List<ServerLogRecord> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    boolean isRunning() {
        return state.get() == RUNNING;
    }

    boolean isTimedOut() {
        return state.get() == TIMED_OUT;
    }

    /** Who runs the handler now, if anyone. */
    @Nullable Thread handler() {
        return handler;
    }

    /** What the handler was doing when the request timed out; null when nothing ran it then. */
    @Nullable String handlerDump() {
        return handlerDump;
    }

    /**
     * Gives up on the request: records where its handler is and interrupts it.
     *
     * @return true if this call timed it out, false if it had already finished or timed out
     */
    @Override
    public boolean timeOut() {
        if (!state.compareAndSet(RUNNING, TIMED_OUT)) {
            return false;
        }
        Thread h = handler;
        if (h != null) {
            handlerDump = ThreadDump.of(h);
            h.interrupt();
        }
        interruptDelivered = true;
        return true;
    }

    /**
     * Marks the request finished by its caller. If it timed out meanwhile and the caller's own
     * thread was interrupted for it, waits until the interrupt is delivered and clears it, so the
     * test's thread is left as it was.
     *
     * @return true if it finished in time
     */
    boolean finish() {
        if (state.compareAndSet(RUNNING, DONE)) {
            return true;
        }
        long until = System.nanoTime() + 1_000_000_000L;
        while (!interruptDelivered && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        if (Thread.currentThread() == caller) {
            Thread.interrupted();
        }
        return false;
    }
}
