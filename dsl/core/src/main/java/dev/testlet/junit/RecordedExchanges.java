package dev.testlet.junit;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.spi.Durations;
import dev.testlet.engine.spi.Secrets;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.ExchangeLog;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP traffic of a failed test, attached by {@link TestletExtension} to the test's failure as
 * a suppressed exception: every exchange in a line (most recent last), then the last few in full,
 * with the app's log lines and any server exception. Passing tests get nothing.
 *
 * <pre>
 * Suppressed: dev.testlet.junit.RecordedExchanges: 2 HTTP exchanges in this test, most recent last:
 *   1. POST /items -> 201 Created (1.3ms)
 *   2. GET /items/3 -> 404 Not Found (0.4ms)
 * ...
 * </pre>
 */
public final class RecordedExchanges extends RuntimeException {

    /** How many of the most recent exchanges are printed in full. */
    public static final int IN_FULL = 5;

    RecordedExchanges(List<Exchange> exchanges, int dropped, @Nullable String failureMessage, Path har) {
        super(describe(exchanges, dropped, failureMessage == null ? "" : failureMessage, har), null, false, false);
    }

    private static String describe(List<Exchange> exchanges, int dropped, String failureMessage, Path har) {
        StringBuilder out = new StringBuilder();
        out.append(exchanges.size()).append(exchanges.size() == 1 ? " HTTP exchange" : " HTTP exchanges")
                .append(" in this test, most recent last");
        if (dropped > 0) {
            out.append(" (").append(dropped).append(" older ones not kept)");
        }
        out.append(":\n");
        int first = dropped + 1;
        for (int i = 0; i < exchanges.size(); i++) {
            out.append("  ").append(first + i).append(". ").append(line(exchanges.get(i))).append('\n');
        }
        out.append("  (written as HAR, for browser devtools and HTTP tools, to ").append(har.toAbsolutePath()).append(")\n");
        // The union of what the test's clients mask (withMaskedNames), when the list comes from its scope.
        Secrets secrets = exchanges instanceof ExchangeLog.Recorded recorded ? recorded.secrets() : Secrets.standard();
        ExchangeFormatter formatter = new ExchangeFormatter(JsonMapper.builder().build(), "http://localhost:8080", secrets);
        int from = Math.max(0, exchanges.size() - IN_FULL);
        for (int i = from; i < exchanges.size(); i++) {
            String full = formatter.format(exchanges.get(i));
            out.append("\n=== ").append(first + i).append(". ").append(line(exchanges.get(i))).append(" ===\n")
                    .append(failureMessage.contains(full) ? "(shown in full in the failure above)\n" : full);
        }
        return out.toString();
    }

    private static String line(Exchange e) {
        return e.request().method() + " " + e.request().target() + " -> " + e.statusLine() + " ("
                + Durations.format(e.elapsed()) + ")" + (e.serverException() == null ? "" : " threw " + e.serverException());
    }
}
