package dev.testlet.engine.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything an app is still doing for the test: requests in flight, async contexts not yet
 * completed, tasks on the server's threads ({@code AsyncContext.start} among them), and tasks given to
 * the executor Testlet lends the app. {@link #await(Duration)} waits until all of it is done, fails
 * with the first task that threw, and on timeout says what is still running, with stacks.
 */
public final class BackgroundWork {

    /** One piece of work: what it is, and the thread running it (if one is). */
    private record Item(String description, @Nullable Thread thread) {}

    private final Map<Object, Item> running = new IdentityHashMap<>();
    private final List<Throwable> failures = new ArrayList<>();
    private int reported;

    synchronized void started(Object key, String description, @Nullable Thread thread) {
        running.put(key, new Item(description, thread));
    }

    synchronized void finished(Object key) {
        if (running.remove(key) != null) {
            notifyAll();
        }
    }

    synchronized void failed(Throwable failure) {
        failures.add(failure);
        notifyAll();
    }

    /** Whether nothing is running. */
    public synchronized boolean isIdle() {
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
    public synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (failures.size() > reported) {
                Throwable failure = failures.get(reported);
                reported = failures.size();
                throw new BackgroundWorkException("a background task of the app failed: " + failure, failure);
            }
            if (running.isEmpty()) {
                return;
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                throw new BackgroundWorkException(describeRunning(timeout), null);
            }
            wait(Math.max(1, wait / 1_000_000));
        }
    }

    private String describeRunning(Duration timeout) {
        StringBuilder out = new StringBuilder().append(running.size())
                .append(running.size() == 1 ? " piece of background work was" : " pieces of background work were")
                .append(" still running after ").append(Durations.format(timeout)).append(':');
        int n = 0;
        for (Item item : running.values()) {
            out.append("\n  ").append(++n).append(". ").append(item.description());
            Thread t = item.thread();
            if (t != null && t.isAlive()) {
                out.append("\n     ").append(ThreadDump.of(t).replace("\n", "\n     "));
            }
        }
        return out.toString();
    }
}
