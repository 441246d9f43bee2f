package dev.testlet.engine.internal.app;

import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.internal.logging.LogBackends;
import dev.testlet.engine.internal.logging.LogSink;
import dev.testlet.engine.internal.transport.InFlight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Collects the log lines an app writes while it handles a request, into that request's
 * {@link InFlight}. One instance per app: a handler on the root java.util.logging logger, and an
 * appender on Logback's and Log4j 2's root loggers when those backends are on the class path
 * ({@link LogBackends}), while the app runs. A line is attributed by the thread that wrote it, which
 * the app's filter chain has bound to its request. SLF4J reaches it through whichever backend it logs
 * to. Jetty's own lines are left out. When the app stops, the root logger gets back the handlers it
 * had before the app started (see {@link #uninstall()}).
 */
final class LogCapture extends Handler implements LogSink {

    /** JUL handlers that pass records on to a backend Testlet captures itself (then they are taken there). */
    private static final java.util.Set<String> BRIDGES = java.util.Set.of(
            "org.slf4j.bridge.SLF4JBridgeHandler", "org.apache.logging.log4j.jul.Log4jBridgeHandler");

    private final ThreadLocal<InFlight> current = new ThreadLocal<>();
    private final Logger root = Logger.getLogger("");
    private volatile LogBackends.@Nullable Attached backends;
    /** The root logger's handlers before the app started, other apps' captures left out. */
    private volatile List<Handler> rootHandlersBefore = List.of();

    void install() {
        List<Handler> before = new ArrayList<>();
        for (Handler h : root.getHandlers()) {
            if (!(h instanceof LogCapture)) {
                before.add(h);
            }
        }
        rootHandlersBefore = List.copyOf(before);
        root.addHandler(this);
        backends = LogBackends.attach(this);
    }

    /** Attaches again what the app's startup took off (Spring Boot stops and resets Logback). */
    void reattach() {
        LogBackends.Attached attached = backends;
        if (attached != null) {
            attached.reattach();
        }
    }

    /**
     * Takes the capture off again and gives the root logger back each handler it had before the app
     * started and has lost since: Spring Boot's {@code LoggingSystem.cleanUp} at the close of a Boot app
     * removes the JUL bridge handler another, still running Boot context (a cached
     * {@code @SpringBootTest}) installed, which would leave java.util.logging with no handler at all.
     */
    void uninstall() {
        root.removeHandler(this);
        List<Handler> now = Arrays.asList(root.getHandlers());
        for (Handler h : rootHandlersBefore) {
            if (!now.contains(h)) {
                root.addHandler(h);
            }
        }
        rootHandlersBefore = List.of();
        LogBackends.Attached attached = backends;
        if (attached != null) {
            backends = null;
            attached.detach();
        }
    }

    /** Binds the calling thread to a request; returns what was bound before, to restore. */
    @Nullable InFlight bind(InFlight request) {
        InFlight previous = current.get();
        current.set(request);
        return previous;
    }

    /** The request whose handler runs on the calling thread, if any. */
    @Nullable InFlight current() {
        return current.get();
    }

    void restore(@Nullable InFlight previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }

    @Override
    public boolean capturing() {
        return current.get() != null;
    }

    @Override
    public void capture(Instant time, String level, String logger, String message, @Nullable Throwable thrown) {
        InFlight request = current.get();
        if (request == null || logger.startsWith("org.eclipse.jetty")) {
            return;
        }
        request.recordLog(new ServerLogRecord(time, level, logger, message, thrown, Thread.currentThread().getName()));
    }

    @Override
    public void publish(LogRecord record) {
        if (current.get() == null || bridgedToACapturedBackend()) {
            return;
        }
        String message = record.getMessage();
        try {
            message = new java.util.logging.SimpleFormatter().formatMessage(record);
        } catch (RuntimeException e) {
            // keep the raw message
        }
        capture(record.getInstant(), record.getLevel().getName(), String.valueOf(record.getLoggerName()),
                String.valueOf(message), record.getThrown());
    }

    /** jul-to-slf4j (Spring Boot installs it) sends each record on to Logback, whose appender keeps it. */
    private boolean bridgedToACapturedBackend() {
        LogBackends.Attached attached = backends;
        if (attached == null || !attached.any()) {
            return false;
        }
        for (Handler h : root.getHandlers()) {
            if (BRIDGES.contains(h.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
