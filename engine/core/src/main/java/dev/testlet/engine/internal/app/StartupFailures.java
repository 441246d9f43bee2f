package dev.testlet.engine.internal.app;

import dev.testlet.engine.spi.Durations;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names the component behind a startup or shutdown failure from the stack of what it threw: the
 * listener whose {@code contextInitialized} threw, the servlet whose {@code init} threw, the
 * initializer whose {@code onStartup} threw.
 */
final class StartupFailures {

    private StartupFailures() {}

    static String describe(Throwable failure) {
        Throwable root = rootOf(failure);
        String culprit = culprit(failure);
        return "the app failed to start: " + (culprit == null ? "" : culprit + " threw ") + root;
    }

    /**
     * Why a startup that ran out of time failed, how to allow it more (a Spring Boot app's first start
     * in a JVM easily takes longer than the default), and where the starting thread was.
     *
     * @param timeout the startup timeout
     * @param dump the starting thread's stack when it was interrupted
     * @return the message
     */
    static String timedOut(Duration timeout, String dump) {
        long seconds = Math.max(60, 2 * Math.max(1, timeout.toSeconds()));
        String more = "Duration.ofSeconds(" + seconds + ")";
        return "the app did not start within " + Durations.format(timeout) + "; to allow it more, use"
                + " TestletExtension.forApp(app).withStartupTimeout(" + more + ") or Testlet.start(app, " + more + ")"
                + " (Spring Boot's first start in a JVM often takes over 10s).\nThe starting thread was interrupted"
                + " there:\n" + dump;
    }

    static String describeShutdown(Throwable failure) {
        Throwable root = rootOf(failure);
        String culprit = culprit(failure);
        return "the app failed to shut down cleanly: " + (culprit == null ? "" : culprit + " threw ") + root;
    }

    /** The exception the app itself threw, under Jetty's wrappers. */
    static Throwable rootOf(Throwable failure) {
        Throwable t = failure;
        Set<Throwable> seen = new HashSet<>();
        while (t.getCause() != null && seen.add(t) && isWrapper(t)) {
            t = t.getCause();
        }
        if (isWrapper(t) && t.getSuppressed().length > 0) {
            return rootOf(t.getSuppressed()[0]);
        }
        return t;
    }

    private static boolean isWrapper(Throwable t) {
        String name = t.getClass().getName();
        return name.startsWith("org.eclipse.jetty.")
                || (t instanceof jakarta.servlet.ServletException && t.getCause() != null)
                || (t.getClass() == RuntimeException.class && t.getCause() != null
                        && t.getMessage() != null && t.getMessage().equals(t.getCause().toString()));
    }

    private static @Nullable String culprit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (Throwable each : withSuppressed(t)) {
                for (StackTraceElement frame : each.getStackTrace()) {
                    String method = frame.getMethodName();
                    String type = frame.getClassName();
                    if (type.startsWith("org.eclipse.jetty.") || type.startsWith("jakarta.")) {
                        continue;
                    }
                    switch (method) {
                        case "contextInitialized", "contextDestroyed":
                            return "listener " + type + " in " + method;
                        case "init", "destroy":
                            return "servlet or filter " + type + " in " + method;
                        case "onStartup":
                            return "initializer " + type + " in onStartup";
                        default:
                            break;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static Throwable[] withSuppressed(Throwable t) {
        Throwable[] suppressed = t.getSuppressed();
        Throwable[] all = new Throwable[suppressed.length + 1];
        all[0] = t;
        System.arraycopy(suppressed, 0, all, 1, suppressed.length);
        return all;
    }
}
