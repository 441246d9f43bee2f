package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.Deadline;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The deadlines of one app's work in flight (requests, the app's start and stop), and one virtual
 * thread that gives up on those that run past theirs. It exists for work that runs on the very
 * thread that waits for it (the sync mode's test thread), which cannot notice by itself.
 *
 * <p>The watchdog parks until the earliest deadline; registering a request only wakes it when that
 * request's deadline comes sooner than the watchdog's next wake-up, so the hot path is a set insert
 * and a volatile read.
 */
final class Watchdog implements AutoCloseable {

    private static final long IDLE_TICK_NANOS = 1_000_000_000L;

    private final Set<Deadline> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile long nextWake = Long.MAX_VALUE;
    private volatile boolean closed;

    Watchdog(String name) {
        thread = Thread.ofVirtual().name(name).unstarted(this::run);
        thread.start();
    }

    void add(Deadline request) {
        inFlight.add(request);
        if (request.deadlineNanos() - nextWake < 0) {
            LockSupport.unpark(thread);
        }
    }

    void remove(Deadline request) {
        inFlight.remove(request);
    }

    Set<Deadline> inFlight() {
        return inFlight;
    }

    private void run() {
        while (!closed) {
            nextWake = Long.MAX_VALUE;
            long now = System.nanoTime();
            long earliest = now + IDLE_TICK_NANOS;
            for (Deadline request : inFlight) {
                long deadline = request.deadlineNanos();
                if (deadline - now <= 0) {
                    request.timeOut();
                    deadline = request.deadlineNanos(); // a request may ask to be looked at again (see InFlight)
                }
                if (deadline - now > 0 && deadline - earliest < 0) {
                    earliest = deadline;
                }
            }
            nextWake = earliest;
            long wait = earliest - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
