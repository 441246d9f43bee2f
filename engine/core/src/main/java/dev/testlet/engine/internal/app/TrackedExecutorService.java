package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.InFlight;
import dev.testlet.engine.spi.OverrideLayer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An executor Testlet lends the app for its own background work (sending mail after a response,
 * say): each task runs on a virtual thread and is tracked, so a test can wait for it with
 * {@code client.awaitBackgroundTasks()}, and a task that throws fails that wait (also one given to
 * {@code submit}, whose exception would otherwise hide in a Future nobody reads).
 */
final class TrackedExecutorService extends AbstractExecutorService {

    private final BackgroundWork work;
    private final AppAttributes attributes;
    private final LogCapture logs;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong counter = new AtomicLong();
    private volatile boolean shutdown;

    TrackedExecutorService(BackgroundWork work, AppAttributes attributes, LogCapture logs) {
        this.work = work;
        this.attributes = attributes;
        this.logs = logs;
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("Testlet's background executor is shut down (the app was closed)");
        }
        Object key = new Object();
        // A task a request submits sees that request's overrides.
        OverrideLayer layer = attributes.current();
        InFlight origin = logs.current();
        if (origin != null) {
            origin.mayWriteLater();
        }
        Thread thread = Thread.ofVirtual().name("testlet-background-" + counter.incrementAndGet()).unstarted(() -> {
            attributes.bind(layer);
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                work.failed(LateWrites.classify(e, origin), layer);
            } finally {
                threads.remove(Thread.currentThread());
                work.finished(key);
            }
        });
        threads.add(thread);
        work.started(key, "background task " + task + " on " + thread.getName(), thread);
        thread.start();
    }

    /** Tasks given to submit() keep their exception in a Future the app may never read: report it too. */
    @Override
    protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
        return new Reporting<>(callable);
    }

    @Override
    protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
        return new Reporting<>(Executors.callable(runnable, value));
    }

    private final class Reporting<T> extends FutureTask<T> {
        private final Callable<T> callable;

        Reporting(Callable<T> callable) {
            super(callable);
            this.callable = callable;
        }

        @Override
        protected void setException(Throwable t) {
            work.failed(t, attributes.current());   // runs on the task's thread, which carries its layer
            super.setException(t);
        }

        @Override
        public String toString() {
            return callable.toString();
        }
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        threads.forEach(Thread::interrupt);
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && threads.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread t : List.copyOf(threads)) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0 || !t.join(java.time.Duration.ofNanos(wait))) {
                return false;
            }
        }
        return isTerminated();
    }

    @Override
    public String toString() {
        return "Testlet's tracked background executor";
    }
}
