package dev.testlet.engine.internal.logging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a logging backend's adapter hands the lines the app writes: the app's log capture, which
 * keeps a line for the request the writing thread is handling (and drops it otherwise).
 */
public interface LogSink {

    /**
     * Whether the calling thread is handling a request of the app now: cheap, asked before a line is
     * formatted.
     *
     * @return true when a line written now would be kept
     */
    boolean capturing();

    /**
     * Keeps a line for the request the calling thread is handling, unless it is Jetty's own.
     *
     * @param time when it was written
     * @param level the backend's name for its level (INFO, WARN, WARNING...)
     * @param logger the logger name
     * @param message the formatted message
     * @param thrown the exception logged with it, or null
     */
    void capture(Instant time, String level, String logger, String message, @Nullable Throwable thrown);
}
