package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.InFlight;
import dev.testlet.engine.spi.OverrideLayer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The virtual-thread executor behind the app's Jetty thread pool. Jetty runs dispatched work here
 * ({@code AsyncContext.start} tasks, async dispatches, completions), so each task is tracked as
 * background work until it ends, and one that throws is recorded as a failure. The connector's
 * acceptor and a selector's producing loop, which run for the server's whole life, are not tracked.
 */
final class TrackingExecutor implements Executor {

    private final BackgroundWork work;
    private final AppAttributes attributes;
    private final LogCapture logs;
    private final boolean trackAll;
    private final String name;
    private final AtomicLong counter = new AtomicLong();

    /**
     * The executor.
     *
     * @param trackAll track every task (in-process: Jetty runs no connection work of its own there), or
     *     only those a request starts (served: Jetty's selectors and connections run here too, and they
     *     are not the app's background work)
     */
    TrackingExecutor(BackgroundWork work, AppAttributes attributes, LogCapture logs, boolean trackAll, String name) {
        this.work = work;
        this.attributes = attributes;
        this.logs = logs;
        this.trackAll = trackAll;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        Thread.Builder builder = Thread.ofVirtual().name(name + "-" + counter.incrementAndGet());
        String type = task.getClass().getName();
        if (type.contains("Acceptor") || type.contains("ExecutionStrategy") || (!trackAll && logs.current() == null)) {
            // The connector's acceptor and a socket selector's producing loop run as long as the server
            // does (a selector hands its loop to a new thread while a handler blocks, reading a big
            // upload, say): infrastructure, not the app's work. The requests they serve are tracked.
            builder.start(task);
            return;
        }
        Object key = new Object();
        // Work a request starts (AsyncContext.start, an async dispatch) sees that request's overrides.
        OverrideLayer layer = attributes.current();
        InFlight origin = logs.current();
        if (origin != null) {
            origin.mayWriteLater();
        }
        Thread thread = builder.unstarted(() -> {
            attributes.bind(layer);
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                work.failed(LateWrites.classify(e, origin), layer);
                throw e;
            } finally {
                work.finished(key);
            }
        });
        work.started(key, "server task " + describe(task) + " on " + thread.getName(), thread);
        thread.start();
    }

    private static String describe(Runnable task) {
        String type = task.getClass().getName();
        int lambda = type.indexOf("$$Lambda");
        return lambda < 0 ? type : type.substring(0, lambda) + " (lambda)";
    }
}
