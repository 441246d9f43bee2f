package dev.testlet.engine.internal.transport;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.spi.OverrideLayer;
import dev.testlet.engine.spi.ThreadDump;
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
    private volatile long deadlineNanos;
    private volatile long timedOutAtNanos;
    private volatile boolean warnedIgnored;
    private volatile boolean handlerWasCaller;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final AtomicInteger handlerDepth = new AtomicInteger();
    private volatile @Nullable Thread handler;
    private volatile @Nullable Throwable serverException;
    private volatile @Nullable String handlerDump;
    private volatile boolean interruptDelivered;
    private volatile boolean endpointClosed;
    private volatile boolean mayWriteLater;
    private final List<ServerLogRecord> log = new ArrayList<>(0);
    private final @Nullable OverrideLayer layer;
    private final @Nullable Wire wire;
    /** Handlers inside the app's chain plus async contexts not completed, for this request. */
    private final AtomicInteger serverWork = new AtomicInteger();

    /**
     * A request about to be written.
     *
     * @param plan the request
     * @param live whether the test holds it open (a stream, a WebSocket session)
     * @param caller the thread that waits for it
     * @param startNanos when it started
     * @param deadlineNanos when it times out
     * @param layer the overrides of the scope that sent it, or null
     * @param wire the connection it travels on, dropped when it times out; null for none
     */
    public InFlight(RequestPlan plan, boolean live, Thread caller, long startNanos, long deadlineNanos,
            @Nullable OverrideLayer layer, @Nullable Wire wire) {
        this.plan = plan;
        this.live = live;
        this.caller = caller;
        this.startNanos = startNanos;
        this.deadlineNanos = deadlineNanos;
        this.layer = layer;
        this.wire = wire;
    }

    /**
     * The overrides the app sees while handling this request.
     *
     * @return the sending scope's layer, or null
     */
    public @Nullable OverrideLayer layer() {
        return layer;
    }

    /** The app began work for this request: a handler entered its chain, or an async context started. */
    public void serverBegan() {
        serverWork.incrementAndGet();
    }

    /** The app ended a piece of work for this request. */
    public void serverEnded() {
        serverWork.decrementAndGet();
    }

    /**
     * Waits until the app does no more work for this request (its handler returned, its async
     * context completed).
     *
     * @param deadlineNanos when to give up
     * @return true when the app's side has ended
     */
    public boolean awaitServerIdle(long deadlineNanos) {
        int round = 0;
        while (serverWork.get() > 0) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            if (++round < 100) {
                Thread.onSpinWait();
            } else {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        }
        return true;
    }

    public RequestPlan plan() {
        return plan;
    }

    /**
     * Whether this is a live exchange the test holds open (a stream, a WebSocket): its async context
     * is the test's to close, not background work to wait for.
     */
    public boolean isLive() {
        return live;
    }

    public long startNanos() {
        return startNanos;
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** The filter entered the app's chain on this thread. */
    public void enterHandler(Thread thread) {
        if (handlerDepth.getAndIncrement() == 0) {
            handler = thread;
        }
    }

    /** The filter left the app's chain. */
    public void exitHandler() {
        if (handlerDepth.decrementAndGet() == 0) {
            handler = null;
        }
    }

    /** Keeps the first exception that escaped the app's filter chain. */
    public void recordServerException(Throwable t) {
        if (serverException == null) {
            serverException = t;
        }
    }

    public @Nullable Throwable serverException() {
        return serverException;
    }

    /**
     * Another thread may write to this request's response after the handler returned: it went async,
     * or handed work to another thread (a task on the app's pool or the lent executor).
     */
    public void mayWriteLater() {
        if (!mayWriteLater) {
            mayWriteLater = true;
        }
    }

    /**
     * Whether another thread may write to this request's response after the handler returned.
     *
     * @return true once the request went async or handed work to another thread
     */
    public boolean isMayWriteLater() {
        return mayWriteLater;
    }

    /** For a WebSocket session: Jetty has closed the endpoint's side (its errors are recorded by now). */
    public void endpointClosed() {
        endpointClosed = true;
    }

    public boolean isEndpointClosed() {
        return endpointClosed;
    }

    public void recordLog(ServerLogRecord record) {
        synchronized (log) {
            if (log.size() < 500) {
                log.add(record);
            }
        }
    }

    public List<ServerLogRecord> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public boolean isRunning() {
        return state.get() == RUNNING;
    }

    public boolean isTimedOut() {
        return state.get() == TIMED_OUT;
    }

    /** Who runs the handler now, if anyone. */
    public @Nullable Thread handler() {
        return handler;
    }

    /** What the handler was doing when the request timed out; null when nothing ran it then. */
    public @Nullable String handlerDump() {
        return handlerDump;
    }

    /**
     * Gives up on the request: records where its handler is, interrupts it, and drops the connection
     * (nobody reads the response any more, and a handler that ignores the interrupt but goes on
     * writing fails at its next write). When the handler runs on the waiting thread itself (sync mode),
     * the watchdog calls this once more after a grace: if the handler still runs then, it ignored the
     * interrupt and holds the test's thread, which nothing can take back; a warning says so, with its
     * stack and what to do, while the test is still stuck.
     *
     * @return true if this call timed it out, false if it had already finished or timed out
     */
    @Override
    public boolean timeOut() {
        if (!state.compareAndSet(RUNNING, TIMED_OUT)) {
            if (state.get() == TIMED_OUT && !warnedIgnored) {
                warnIfStillRunning();
            }
            return false;
        }
        long now = System.nanoTime();
        timedOutAtNanos = now;
        Thread h = handler;
        if (h != null) {
            handlerDump = ThreadDump.of(h);
            h.interrupt();
        }
        interruptDelivered = true;
        Wire w = wire;
        if (w != null && !live) {
            w.close();
        }
        handlerWasCaller = h != null && h == caller;
        deadlineNanos = handlerWasCaller ? now + ignoredInterruptGrace() : Long.MAX_VALUE;
        return true;
    }

    /** How long after its interrupt a handler on the waiting thread may still run before it counts as ignoring it. */
    private long ignoredInterruptGrace() {
        long timeout = Math.max(0, timedOutAtNanos - startNanos);
        return Math.min(1_000_000_000L, Math.max(100_000_000L, timeout));
    }

    private void warnIfStillRunning() {
        warnedIgnored = true;
        deadlineNanos = Long.MAX_VALUE;
        Thread h = handler;
        if (h == null || h != caller) {
            return;
        }
        long since = System.nanoTime() - timedOutAtNanos;
        System.getLogger(InFlight.class.getName()).log(System.Logger.Level.WARNING, "the handler of " + plan.method() + " "
                + plan.target() + " ignored the interrupt Testlet sent at its timeout of "
                + dev.testlet.engine.spi.Durations.format(plan.timeout()) + ": " + dev.testlet.engine.spi.Durations.format(
                java.time.Duration.ofNanos(since)) + " later it still runs on the test's own thread \"" + h.getName()
                + "\", and no one can stop a thread from outside. The test stays stuck until the handler returns."
                + " To have JUnit fail the test at a timeout anyway, run it in a thread of its own:"
                + " @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD). Where the handler is now:\n"
                + ThreadDump.of(h));
    }

    /**
     * How long the handler ran on after the request timed out and it was interrupted, when it ran on
     * the waiting thread (so the caller could not return before it did).
     *
     * @return the time, or null when the handler was not the caller's or the request did not time out
     */
    public java.time.@Nullable Duration overrun() {
        if (state.get() != TIMED_OUT || !handlerWasCaller || Thread.currentThread() != caller) {
            return null;
        }
        return java.time.Duration.ofNanos(System.nanoTime() - timedOutAtNanos);
    }

    /**
     * Marks the request finished by its caller. If it timed out meanwhile and the caller's own
     * thread was interrupted for it, waits until the interrupt is delivered and clears it, so the
     * test's thread is left as it was.
     *
     * @return true if it finished in time
     */
    public boolean finish() {
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
