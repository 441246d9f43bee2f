package dev.testlet.engine.internal.logging;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.jspecify.annotations.Nullable;

/**
 * Captures Log4j 2 lines: an appender on the root logger configuration of Log4j's context while the app
 * runs. Loaded only when {@code log4j-core} is on the class path ({@link LogBackends}); the Log4j API
 * routed elsewhere ({@code log4j-to-slf4j}) is left to that backend. A reconfiguration replaces the
 * configuration, so a listener adds the appender to each new one.
 */
final class Log4jAdapter implements LogBackends.Attached {

    private final LoggerContext context;
    private final LogSink sink;
    private final String name = "TestletCapture-" + Integer.toHexString(System.identityHashCode(this));
    private final PropertyChangeListener listener = this::configurationChanged;
    private volatile Appender appender;
    /** The configuration the appender is on; updateLoggers() announces the same one again, which is ignored. */
    private volatile @Nullable Configuration attachedTo;

    private Log4jAdapter(LoggerContext context, LogSink sink) {
        this.context = context;
        this.sink = sink;
        this.appender = new Appender(name, sink);
    }

    /** Attaches to Log4j when log4j-core backs its API; null when the API goes elsewhere. */
    static @Nullable Log4jAdapter attach(LogSink sink) {
        if (!(LogManager.getContext(false) instanceof LoggerContext context)) {
            return null;
        }
        Log4jAdapter adapter = new Log4jAdapter(context, sink);
        context.addPropertyChangeListener(adapter.listener);
        adapter.addTo(context.getConfiguration(), adapter.appender);
        return adapter;
    }

    private void addTo(Configuration configuration, Appender added) {
        added.start();
        attachedTo = configuration;
        configuration.getRootLogger().addAppender(added, null, null);
        context.updateLoggers();
    }

    private void configurationChanged(PropertyChangeEvent event) {
        if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName()) && event.getNewValue() instanceof Configuration next
                && next != attachedTo) {
            Appender fresh = new Appender(name, sink);
            appender = fresh;
            addTo(next, fresh);
        }
    }

    @Override
    public void detach() {
        context.removePropertyChangeListener(listener);
        context.getConfiguration().getRootLogger().removeAppender(name);
        context.updateLoggers();
        appender.stop();
    }

    @Override
    public boolean any() {
        return true;
    }

    /** Hands each event to the sink. */
    private static final class Appender extends AbstractAppender {
        private final LogSink sink;

        Appender(String name, LogSink sink) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
            this.sink = sink;
        }

        @Override
        public void append(LogEvent event) {
            if (!sink.capturing()) {
                return;
            }
            sink.capture(Instant.ofEpochMilli(event.getTimeMillis()), event.getLevel().name(), String.valueOf(event.getLoggerName()),
                    event.getMessage().getFormattedMessage(), event.getThrown());
        }
    }
}
