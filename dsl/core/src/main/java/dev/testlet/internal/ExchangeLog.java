package dev.testlet.internal;

import dev.testlet.engine.Exchange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The exchanges a scope recorded, newest last, bounded: older ones are dropped and counted. A scope
 * that was opened inside a test (a client a test started itself) also reports to that test's log, so
 * the test's failure report shows its traffic. Thread-safe.
 *
 * <pre>{@code
 * ExchangeLog log = new ExchangeLog(50, null);
 * log.record(exchange);
 * log.exchanges();   // [exchange]
 * }</pre>
 */
public final class ExchangeLog {

    /** How many exchanges a test keeps for its failure report; older ones are dropped. */
    public static final int KEPT = 50;

    private final int kept;
    private final @Nullable ExchangeLog reportTo;
    private final Deque<Exchange> exchanges = new ArrayDeque<>();
    private int dropped;

    /**
     * A log.
     *
     * @param kept how many exchanges to keep
     * @param reportTo another log that records the same exchanges, or null
     */
    public ExchangeLog(int kept, @Nullable ExchangeLog reportTo) {
        this.kept = kept;
        this.reportTo = reportTo;
    }

    /**
     * Records an exchange.
     *
     * @param exchange the exchange
     */
    public void record(Exchange exchange) {
        synchronized (exchanges) {
            exchanges.addLast(exchange);
            if (exchanges.size() > kept) {
                exchanges.removeFirst();
                dropped++;
            }
        }
        if (reportTo != null) {
            reportTo.record(exchange);
        }
    }

    /**
     * The exchanges kept, oldest first.
     *
     * @return a copy
     */
    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return new ArrayList<>(exchanges);
        }
    }

    /**
     * How many older exchanges were dropped to keep the log bounded.
     *
     * @return the count
     */
    public int dropped() {
        synchronized (exchanges) {
            return dropped;
        }
    }
}
