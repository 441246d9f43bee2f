package dev.testlet.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The app's Logback as {@link LogbackCaptureTest} reads it (logback-test.xml: a list appender "APP" at INFO). */
final class LogbackConfig {

    private LogbackConfig() {}

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    @SuppressWarnings("unchecked")
    private static ListAppender<ILoggingEvent> app() {
        return (ListAppender<ILoggingEvent>) context().getLogger(Logger.ROOT_LOGGER_NAME).getAppender("APP");
    }

    /** The app's lines (com.example loggers) its own appender got. */
    static List<String> appMessages() {
        return app().list.stream().filter(e -> e.getLoggerName().startsWith("com.example"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    static void clearAppEvents() {
        app().list.clear();
    }

    static String rootLevel() {
        return context().getLogger(Logger.ROOT_LOGGER_NAME).getLevel().toString();
    }

    static List<String> rootAppenders() {
        List<String> names = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = context().getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
                it.hasNext(); ) {
            names.add(it.next().getName());
        }
        return names;
    }

    /** A reset (every appender detached and stopped), then a new configuration. */
    static void resetAndConfigure() {
        LoggerContext context = context();
        context.reset();
        configure(context);
    }

    /**
     * What Spring Boot 3.5's {@code LogbackLoggingSystem} does at startup: {@code stop()} (a reset, then
     * every listener dropped), {@code reset()}, a new configuration, {@code start()}.
     */
    static void stopResetConfigureAndStart() {
        LoggerContext context = context();
        context.stop();
        context.reset();
        configure(context);
        context.start();
    }

    private static void configure(LoggerContext context) {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(LogbackConfig.class.getResource("/logback-test.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }
}
