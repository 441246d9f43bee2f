package dev.testlet.logging;

import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/** The app's Log4j 2 as {@link Log4jCaptureTest} reads it (log4j2-test.xml: a file appender "APP" at INFO). */
final class Log4jConfig {

    private Log4jConfig() {}

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }

    static Set<String> rootAppenders() {
        return Set.copyOf(context().getConfiguration().getRootLogger().getAppenders().keySet());
    }

    /** What Spring Boot does at startup: a new configuration object replaces the running one. */
    static void reconfigure() {
        context().reconfigure();
    }
}
