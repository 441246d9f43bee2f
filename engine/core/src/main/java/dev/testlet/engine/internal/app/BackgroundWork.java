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

    /**
     * One piece of work: what it is, the thread running it (if one is), and whether it only waits for
     * the app to finish it (an async context no thread is working on).
     */
    private record Item(String description, @Nullable Thread thread, boolean waiting) {}

    /** Longest single wait in {@link #await}, so a wake-up can never be missed for long. */
    private static final long MAX_WAIT_MILLIS = 50;

    private final Map<Object, Item> running = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    /** A task's failure, with the override layer of the request that started it (null if none did). */
    private record Failure(Throwable error, @Nullable Object owner) {}

    /** Failures not reported yet, oldest first; guarded by {@link #lock}. */
    private final List<Failure> failures = new ArrayList<>();
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
        running.put(key, new Item(description, thread, false));
    }

    /**
     * Counts something the app has to finish as pending, though no thread works on it: an async
     * context not completed yet. {@link #await} waits for it; {@link #awaitWorking} does not.
     *
     * @param key identifies it (compared by identity)
     * @param description what it is, for reports
     */
    public void startedWaiting(Object key, String description) {
        running.put(key, new Item(description, null, true));
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

    void failed(Throwable failure, @Nullable Object owner) {
        synchronized (lock) {
            failures.add(new Failure(failure, owner));
            lock.notifyAll();
        }
    }

    /**
     * Takes the failures not reported yet of work that requests of one owner started (a test's
     * override layer), so they are reported to that test, once.
     *
     * @param owner the owner given to {@link #failed}
     * @return one exception for them, or null when there are none
     */
    public @Nullable BackgroundWorkException takeFailuresOf(Object owner) {
        List<Throwable> taken = new ArrayList<>();
        synchronized (lock) {
            failures.removeIf(f -> {
                boolean mine = f.owner() == owner;
                if (mine) {
                    taken.add(f.error());
                }
                return mine;
            });
        }
        return taken.isEmpty() ? null : failed(taken);
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
        await(timeout, true);
    }

    /**
     * Waits until no thread works for the app any more (tasks, handlers), or fails; what only waits
     * for the app (an async context nobody completes) is not waited for: see {@link #waitingFor()}.
     *
     * @param timeout how long to wait
     * @throws BackgroundWorkException as {@link #await}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitWorking(Duration timeout) throws InterruptedException {
        await(timeout, false);
    }

    /** What is pending though no thread works on it, for a report of what was not waited for. */
    public List<String> waitingFor() {
        List<String> out = new ArrayList<>();
        for (Item item : running.values()) {
            if (item.waiting()) {
                out.add(item.description());
            }
        }
        return out;
    }

    /**
     * Interrupts the threads of the work still running, and waits for them to end, at most a while.
     *
     * @param grace how long they have to end
     * @return what was still running at the end of it
     */
    List<String> interruptAndWait(Duration grace) throws InterruptedException {
        for (Item item : running.values()) {
            Thread t = item.thread();
            if (t != null) {
                t.interrupt();
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> left = new ArrayList<>();
        for (Item item : running.values()) {
            Thread t = item.thread();
            long wait = deadline - System.nanoTime();
            if (t != null && t.isAlive() && (wait <= 0 || !t.join(Duration.ofNanos(wait)))) {
                left.add(item.description());
            }
        }
        return left;
    }

    private boolean busy(boolean includeWaiting) {
        if (includeWaiting) {
            return !running.isEmpty();
        }
        for (Item item : running.values()) {
            if (!item.waiting()) {
                return true;
            }
        }
        return false;
    }

    private void await(Duration timeout, boolean includeWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            waiters++;
            try {
                while (true) {
                    if (!failures.isEmpty()) {
                        List<Throwable> fresh = failures.stream().map(Failure::error).toList();
                        failures.clear();
                        throw failed(fresh);
                    }
                    if (!busy(includeWaiting)) {
                        return;
                    }
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new BackgroundWorkException(describeRunning(timeout, includeWaiting), null);
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
            return new BackgroundWorkException(describe(failed.get(0)), failed.get(0));
        }
        StringBuilder message = new StringBuilder().append(failed.size()).append(" background tasks of the app failed:");
        for (int i = 0; i < failed.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(failed.get(i) instanceof LateWriteException late
                    ? late.getMessage() : failed.get(i));
        }
        BackgroundWorkException e = new BackgroundWorkException(message.toString(), failed.get(0));
        failed.subList(1, failed.size()).forEach(e::addSuppressed);
        return e;
    }

    private static String describe(Throwable failure) {
        return failure instanceof LateWriteException ? "the app misbehaved: " + failure.getMessage()
                : "a background task of the app failed: " + failure;
    }

    /** Called under {@link #lock}. */
    private String describeRunning(Duration timeout, boolean includeWaiting) {
        List<Item> items = running.values().stream().filter(i -> includeWaiting || !i.waiting()).toList();
        java.util.Set<Object> keys = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        running.forEach((key, item) -> {
            if (includeWaiting || !item.waiting()) {
                keys.add(key);
            }
        });
        boolean again = keys.equals(lastTimedOut);
        lastTimedOut = keys;
        StringBuilder out = new StringBuilder().append(items.size())
                .append(items.size() == 1 ? " piece of background work was" : " pieces of background work were")
                .append(" still running after ").append(Durations.format(timeout))
                .append(again ? ", the same as at the last wait (its stacks were shown then):" : ":");
        int n = 0;
        for (Item item : items) {
            out.append("\n  ").append(++n).append(". ").append(item.description());
            Thread t = item.thread();
            if (!again && t != null && t.isAlive()) {
                out.append("\n     ").append(ThreadDump.of(t).replace("\n", "\n     "));
            }
        }
        return out.toString();
    }
}
