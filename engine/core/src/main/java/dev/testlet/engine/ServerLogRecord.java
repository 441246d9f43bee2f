package dev.testlet.engine;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A log record the app wrote while it handled one request, captured from java.util.logging, Logback
 * and Log4j 2 (whichever the app has; SLF4J through its backend). The level is the backend's own name
 * ({@code WARNING} from java.util.logging, {@code WARN} from Logback and Log4j).
 *
 * <pre>{@code
 * for (ServerLogRecord r : response.exchange().serverLog()) {
 *     System.out.println(r);   // 12:00:01.123 WARNING com.example.Items - item 7 not found
 * }
 * }</pre>
 *
 * @param time when the record was written
 * @param level the level name ({@code INFO}, {@code WARNING}, {@code WARN}, {@code ERROR}...)
 * @param logger the logger name
 * @param message the formatted message
 * @param thrown the exception logged with it, or null
 * @param thread the name of the thread that wrote it
 */
public record ServerLogRecord(
        Instant time, String level, String logger, String message, @Nullable Throwable thrown, String thread) {

    @Override
    public String toString() {
        String t = time.toString();
        int tee = t.indexOf('T');
        String clock = tee < 0 ? t : t.substring(tee + 1).replace("Z", "");
        return clock + " " + level + " " + logger + " - " + message
                + (thrown == null ? "" : " (" + thrown + ")");
    }
}
