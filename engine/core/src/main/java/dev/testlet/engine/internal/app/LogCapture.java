package dev.testlet.engine.internal.app;

import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.internal.transport.InFlight;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Collects the log records an app writes while it handles a request, into that request's
 * {@link InFlight}. One instance per engine, added to the root java.util.logging logger while the
 * app runs and removed when it stops; a record is attributed by the thread that wrote it, which the
 * app's filter chain has bound to its request. SLF4J reaches it when SLF4J logs through
 * java.util.logging ({@code slf4j-jdk14}). Jetty's own records are left out.
 */
final class LogCapture extends Handler {

    private final ThreadLocal<InFlight> current = new ThreadLocal<>();
    private final Logger root = Logger.getLogger("");

    void install() {
        root.addHandler(this);
    }

    void uninstall() {
        root.removeHandler(this);
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
    public void publish(LogRecord record) {
        InFlight request = current.get();
        if (request == null || record.getLoggerName() != null && record.getLoggerName().startsWith("org.eclipse.jetty")) {
            return;
        }
        String message = record.getMessage();
        try {
            java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();
            message = formatter.formatMessage(record);
        } catch (RuntimeException e) {
            // keep the raw message
        }
        request.recordLog(new ServerLogRecord(record.getInstant(), record.getLevel().getName(),
                String.valueOf(record.getLoggerName()), String.valueOf(message), record.getThrown(),
                Thread.currentThread().getName()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
