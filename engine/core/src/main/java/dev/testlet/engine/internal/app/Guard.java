package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.Deadline;
import dev.testlet.engine.spi.ThreadDump;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A deadline for work the calling thread does itself (the app's start and stop): when it expires,
 * the {@link Watchdog} records the thread's stack and interrupts it.
 */
final class Guard implements Deadline {

    private final String what;
    private final Thread thread = Thread.currentThread();
    private final long deadlineNanos;
    private final AtomicBoolean expired = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile @Nullable String dump;
    private volatile boolean interruptDelivered;

    Guard(String what, Duration timeout) {
        this.what = what;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public boolean timeOut() {
        if (finished.get() || !expired.compareAndSet(false, true)) {
            return false;
        }
        dump = ThreadDump.of(thread);
        thread.interrupt();
        interruptDelivered = true;
        return true;
    }

    /** The guarded work is over; clears an interrupt this guard delivered. */
    void finish() {
        finished.set(true);
        if (expired.get()) {
            long until = System.nanoTime() + 1_000_000_000L;
            while (!interruptDelivered && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
        }
    }

    boolean timedOut() {
        return expired.get();
    }

    String dump() {
        String d = dump;
        return d == null ? "(no stack recorded)" : d;
    }

    @Override
    public String toString() {
        return what;
    }
}
