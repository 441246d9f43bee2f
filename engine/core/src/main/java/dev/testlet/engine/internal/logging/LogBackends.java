package dev.testlet.engine.internal.logging;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The logging backends besides java.util.logging whose lines Testlet captures: Logback (when it is
 * SLF4J's provider) and Log4j 2 (when {@code log4j-core} backs the Log4j API). Neither is a
 * dependency of Testlet: each has an adapter class that is loaded only when its backend is on the
 * class path, and that adds an appender to the backend's root logger while an app runs. Nothing else
 * in the app's logging configuration changes, so it prints what it printed before.
 *
 * <pre>{@code
 * LogBackends.Attached attached = LogBackends.attach(sink);   // at the app's start
 * attached.detach();                                          // at its stop
 * }</pre>
 */
public final class LogBackends {

    private LogBackends() {}

    /** Which backends this class loader has, decided once: a missing class costs an exception each time. */
    private static final class Present {
        static final boolean LOGBACK = loadable("ch.qos.logback.classic.LoggerContext")
                && loadable("ch.qos.logback.core.UnsynchronizedAppenderBase") && loadable("org.slf4j.LoggerFactory");
        static final boolean LOG4J = loadable("org.apache.logging.log4j.core.LoggerContext")
                && loadable("org.apache.logging.log4j.LogManager");
    }

    /** The adapters attached for one app; detached when it stops. */
    public interface Attached {
        /** Removes what was added to the backends. */
        void detach();

        /** Whether any backend is captured (java.util.logging records bridged to it are then left to it). */
        boolean any();

        /**
         * Attaches again wherever the app's startup took the capture off for good (Spring Boot stops
         * Logback's context, which drops every listener, then resets it, which detaches every appender).
         */
        default void reattach() {}
    }

    /**
     * Attaches an adapter to each backend in use.
     *
     * @param sink where the lines go
     * @return the attached adapters
     */
    public static Attached attach(LogSink sink) {
        List<Attached> attached = new ArrayList<>(2);
        if (Present.LOGBACK) {
            add(attached, LogbackAdapter.attach(sink));
        }
        if (Present.LOG4J) {
            add(attached, Log4jAdapter.attach(sink));
        }
        List<Attached> all = List.copyOf(attached);
        return new Attached() {
            @Override
            public void detach() {
                all.forEach(Attached::detach);
            }

            @Override
            public boolean any() {
                return !all.isEmpty();
            }

            @Override
            public void reattach() {
                all.forEach(Attached::reattach);
            }
        };
    }

    private static void add(List<Attached> to, @Nullable Attached adapter) {
        if (adapter != null) {
            to.add(adapter);
        }
    }

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, LogBackends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
