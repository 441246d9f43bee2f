package dev.testlet.engine.internal.app;

import dev.testlet.engine.spi.BackgroundWorkException;
import dev.testlet.engine.spi.Durations;
import dev.testlet.engine.spi.ThreadDump;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything an app is still doing for the test: requests in flight, async contexts not yet
 * completed, tasks on the server's threads ({@code AsyncContext.start} among them), and tasks given to
 * the executor Testlet lends the app. {@link #await(Duration)} waits until all of it is done, fails
 * with the first task that threw, and on timeout says what is still running, with stacks.
 *
 * <p>Every request starts and finishes a piece of work, from as many threads as there are requests in
 * flight, so that path takes no lock: a concurrent map, and a notification only when someone waits.
 * (One monitor here held back async throughput: a holder descheduled on a busy machine stalled every
 * request behind it.) Keys are compared by identity; callers pass requests or {@code new Object()}.
 */
public final class BackgroundWork {

    /** One piece of work: what it is, and the thread running it (if one is). */
    private record Item(String description, @Nullable Thread thread) {}

    /** Longest single wait in {@link #await}, so a wake-up can never be missed for long. */
    private static final long MAX_WAIT_MILLIS = 50;

    private final Map<Object, Item> running = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final List<Throwable> failures = new ArrayList<>();
    private int reported;
    /** The work a timeout last listed with stacks: a later timeout on the same work names it without them. */
    private java.util.Set<Object> lastTimedOut = java.util.Set.of();
    /** Threads in {@link #await}; written under {@link #lock}, read without it by {@link #finished}. */
    private volatile int waiters;

    /**
     * Counts a piece of work as running.
     *
     * @param key identifies it (compared by identity)
     * @param description what it is, for a timeout report
     * @param thread the thread running it, if one does
     */
    public void started(Object key, String description, @Nullable Thread thread) {
        running.put(key, new Item(description, thread));
    }

    /**
     * Marks a piece of work finished.
     *
     * @param key the key given to {@link #started}
     */
    public void finished(Object key) {
        // The removal comes before the read of waiters, and await() counts itself before it looks at
        // the map: either await() sees the removal, or this sees the waiter and wakes it.
        if (running.remove(key) != null && waiters > 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    void failed(Throwable failure) {
        synchronized (lock) {
            failures.add(failure);
            lock.notifyAll();
        }
    }

    /** Whether nothing is running. */
    public boolean isIdle() {
        return running.isEmpty();
    }

    /**
     * Waits until no work is running, or fails.
     *
     * @param timeout how long to wait
     * @throws BackgroundWorkException when a task failed (its exception is the cause), or when work
     *     was still running at the timeout (the message lists it, with stacks)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            waiters++;
            try {
                while (true) {
                    if (failures.size() > reported) {
                        List<Throwable> fresh = List.copyOf(failures.subList(reported, failures.size()));
                        reported = failures.size();
                        throw failed(fresh);
                    }
                    if (running.isEmpty()) {
                        return;
                    }
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new BackgroundWorkException(describeRunning(timeout), null);
                    }
                    lock.wait(Math.min(MAX_WAIT_MILLIS, Math.max(1, wait / 1_000_000)));
                }
            } finally {
                waiters--;
            }
        }
    }

    /** One exception for every task that failed: the first is the cause, the others suppressed. */
    private static BackgroundWorkException failed(List<Throwable> failed) {
        if (failed.size() == 1) {
            return new BackgroundWorkException("a background task of the app failed: " + failed.get(0), failed.get(0));
        }
        StringBuilder message = new StringBuilder().append(failed.size()).append(" background tasks of the app failed:");
        for (int i = 0; i < failed.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(failed.get(i));
        }
        BackgroundWorkException e = new BackgroundWorkException(message.toString(), failed.get(0));
        failed.subList(1, failed.size()).forEach(e::addSuppressed);
        return e;
    }

    /** Called under {@link #lock}. */
    private String describeRunning(Duration timeout) {
        Map<Object, Item> now = new java.util.LinkedHashMap<>(running);
        java.util.Set<Object> keys = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keys.addAll(now.keySet());
        boolean again = keys.equals(lastTimedOut);
        lastTimedOut = keys;
        StringBuilder out = new StringBuilder().append(now.size())
                .append(now.size() == 1 ? " piece of background work was" : " pieces of background work were")
                .append(" still running after ").append(Durations.format(timeout))
                .append(again ? ", the same as at the last wait (its stacks were shown then):" : ":");
        int n = 0;
        for (Item item : now.values()) {
            out.append("\n  ").append(++n).append(". ").append(item.description());
            Thread t = item.thread();
            if (!again && t != null && t.isAlive()) {
                out.append("\n     ").append(ThreadDump.of(t).replace("\n", "\n     "));
            }
        }
        return out.toString();
    }
}
