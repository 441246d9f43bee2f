package dev.testlet;

import dev.testlet.engine.spi.ThreadDump;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs n calls on n virtual threads released by one barrier, and gathers every result and failure.
 * No thread is left behind: calls still running at the timeout are interrupted once their stacks are
 * recorded for the report, and if the waiting thread is interrupted, every call is.
 */
final class Concurrently {

    /** How many failures are printed in full; the rest get one line each. */
    private static final int IN_FULL = 3;

    private Concurrently() {}

    static <T> List<T> run(TestClient client, int n, ClientCall<T> call, Duration timeout) {
        if (n < 1) {
            throw new IllegalArgumentException("concurrently needs at least 1 call, but was asked for " + n);
        }
        if (call == null) {
            throw new IllegalArgumentException("concurrently needs a call, such as c -> c.given().get(\"/items\")");
        }
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<T>> results = new ArrayList<>(n);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CompletableFuture<T> result = new CompletableFuture<>();
            results.add(result);
            threads.add(Thread.ofVirtual().name("testlet-concurrent-" + i).start(() -> {
                ready.countDown();
                try {
                    go.await();
                    result.complete(call.call(client));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                threads.forEach(Thread::interrupt);
                throw Failures.of(Facts.of("expected", n + " virtual threads to start")
                        .and("but", ready.getCount() + " had not started after " + Failures.duration(timeout)), null);
            }
            go.countDown();
            for (CompletableFuture<T> result : results) {
                long wait = deadline - System.nanoTime();
                try {
                    result.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // gathered below
                }
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + n + " concurrent calls; they were"
                    + " interrupted too", e);
        }
        try {
            return gather(n, results, threads, timeout);
        } finally {
            // Calls still running past the timeout were reported with their stacks; stop them.
            for (int i = 0; i < n; i++) {
                if (!results.get(i).isDone()) {
                    threads.get(i).interrupt();
                }
            }
        }
    }

    private static <T> List<T> gather(int n, List<CompletableFuture<T>> results, List<Thread> threads, Duration timeout) {
        List<T> values = new ArrayList<>(n);
        List<String> lines = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        AssertionError first = null;
        for (int i = 0; i < n; i++) {
            CompletableFuture<T> result = results.get(i);
            if (!result.isDone()) {
                lines.add("#" + i + " still running after " + Failures.duration(timeout));
                if (lines.size() <= IN_FULL) {
                    details.append("\n=== #").append(i).append(" still running ===\n").append(ThreadDump.of(threads.get(i))).append('\n');
                }
                continue;
            }
            try {
                values.add(result.join());
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause();
                lines.add("#" + i + " " + firstLine(cause));
                if (lines.size() <= IN_FULL) {
                    details.append("\n=== #").append(i).append(" ===\n").append(cause.getMessage() == null ? cause : cause.getMessage()).append('\n');
                }
                if (first == null) {
                    first = cause instanceof AssertionError a ? a : new AssertionError(cause.toString(), cause);
                }
            }
        }
        if (lines.isEmpty()) {
            return values;
        }
        AssertionError error = Failures.of(Facts.of("expected", "all " + n + " concurrent calls to succeed")
                .and("but", lines.size() + " failed")
                .and("failures", String.join("\n", lines.subList(0, Math.min(lines.size(), 20)))
                        + (lines.size() > 20 ? "\n... and " + (lines.size() - 20) + " more" : "")), details.toString().strip());
        if (first != null) {
            error.initCause(first);
        }
        throw error;
    }

    /** The first two lines of a failure (for a Testlet failure, its first two facts), on one line. */
    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.toString() : t.getMessage().strip();
        String[] lines = message.split("\n", 3);
        String line = lines.length == 1 ? lines[0]
                : lines[0].replaceAll(" +: ", ": ") + "; " + lines[1].strip().replaceAll(" +: ", ": ");
        return (t instanceof AssertionError ? "" : t.getClass().getSimpleName() + ": ") + line;
    }
}
