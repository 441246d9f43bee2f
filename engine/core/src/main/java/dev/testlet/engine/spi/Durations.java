package dev.testlet.engine.spi;

import java.time.Duration;

/**
 * Durations as people write them: {@code 10s}, {@code 250ms}, {@code 1.5s}, {@code 42µs}.
 *
 * <pre>{@code Durations.format(Duration.ofMillis(1500))   // "1.5s"}</pre>
 */
public final class Durations {

    private Durations() {}

    /**
     * Formats a duration compactly.
     *
     * @param d the duration
     * @return the text
     */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos >= 60_000_000_000L && nanos % 1_000_000_000L == 0) {
            long s = nanos / 1_000_000_000L;
            return s % 60 == 0 ? (s / 60) + "min" : s + "s";
        }
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + "s";
        }
        if (nanos >= 1_000_000L) {
            return trim(nanos / 1e6) + "ms";
        }
        if (nanos >= 1_000L) {
            return trim(nanos / 1e3) + "µs";
        }
        return nanos + "ns";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
