package dev.testlet.engine.internal.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Captures Logback lines: an appender on Logback's root logger while the app runs. Loaded only when
 * Logback is on the class path ({@link LogBackends}). A reconfiguration (Spring Boot resets Logback when
 * the app starts) detaches every appender, so a listener puts this one back after each reset, and
 * {@link #reattach()} after a stop, which drops the listener too.
 */
final class LogbackAdapter implements LogBackends.Attached {

    private final LoggerContext context;
    private final Appender appender;
    private final Listener listener = new Listener();

    private LogbackAdapter(LoggerContext context, LogSink sink) {
        this.context = context;
        this.appender = new Appender(sink);
        appender.setContext(context);
        appender.setName("testlet-capture-" + Integer.toHexString(System.identityHashCode(this)));
    }

    /** Attaches to Logback when it is SLF4J's backend; null when another one is. */
    static @Nullable LogbackAdapter attach(LogSink sink) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return null;
        }
        LogbackAdapter adapter = new LogbackAdapter(context, sink);
        context.addListener(adapter.listener);
        adapter.addToRoot();
        return adapter;
    }

    private void addToRoot() {
        appender.start();
        root().addAppender(appender);
    }

    private Logger root() {
        return context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    public void detach() {
        context.removeListener(listener);
        root().detachAppender(appender);
        appender.stop();
    }

    @Override
    public boolean any() {
        return true;
    }

    /**
     * Puts the appender and the listener back after a stop: Spring Boot's {@code LogbackLoggingSystem}
     * calls {@code stop()} (which resets, then drops every listener, reset-resistant ones too) and
     * {@code reset()} again before it configures, so the listener cannot see the second reset.
     */
    @Override
    public void reattach() {
        if (!root().isAttached(appender)) {
            context.removeListener(listener);
            context.addListener(listener);
            addToRoot();
        }
    }

    /** Hands each event to the sink; unsynchronized, so requests logging at once do not queue here. */
    private static final class Appender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        private final LogSink sink;

        Appender(LogSink sink) {
            this.sink = sink;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (!sink.capturing()) {
                return;
            }
            IThrowableProxy proxy = event.getThrowableProxy();
            sink.capture(Instant.ofEpochMilli(event.getTimeStamp()), event.getLevel().toString(), event.getLoggerName(),
                    event.getFormattedMessage(), proxy instanceof ThrowableProxy p ? p.getThrowable() : null);
        }
    }

    /** Puts the appender back after Logback was reset (a reconfiguration). */
    private final class Listener implements LoggerContextListener {
        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext resetContext) {
            addToRoot();
        }

        @Override
        public void onStart(LoggerContext startedContext) {}

        @Override
        public void onStop(LoggerContext stoppedContext) {}

        @Override
        public void onLevelChange(Logger logger, ch.qos.logback.classic.Level level) {}
    }
}
