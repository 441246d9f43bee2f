package dev.testlet.internal;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.spi.Secrets;
import dev.testlet.internal.har.HarEntry;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The exchanges a scope recorded, newest last, bounded: older ones are dropped and counted. Each is
 * kept as the exchange (for the failure report) and as a HAR entry (for a file browsers and HTTP tools
 * open). A scope that was opened inside a test (a client a test started itself) also reports to that
 * test's log, so the test's failure report shows its traffic. Thread-safe.
 *
 * <pre>{@code
 * ExchangeLog log = new ExchangeLog(50, null);
 * log.record(exchange, HarEntry.of(exchange, Instant.now()));
 * log.exchanges();   // [exchange]
 * }</pre>
 */
public final class ExchangeLog {

    /** How many exchanges a test keeps for its failure report; older ones are dropped. */
    public static final int KEPT = 50;

    /**
     * One recorded exchange, in both forms; the HAR entry of a finished exchange is made only when a
     * HAR file is written (most never are), from the exchange and when it finished.
     */
    private record Entry(Exchange exchange, @Nullable HarEntry har, Instant finishedAt) {

        HarEntry harEntry() {
            return har != null ? har : HarEntry.of(exchange, finishedAt);
        }
    }

    private final int kept;
    private final @Nullable ExchangeLog reportTo;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private int dropped;
    /** What the clients that recorded here mask: a report of this log masks all of it. */
    private Secrets secrets = Secrets.standard();

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
     * Records a finished exchange.
     *
     * @param exchange the exchange
     */
    public void record(Exchange exchange) {
        add(new Entry(exchange, null, Instant.now()));
    }

    /**
     * Records an exchange with the HAR entry that describes it (a stream read so far, a WebSocket
     * session with its messages).
     *
     * @param exchange the exchange, as the failure report shows it
     * @param har the same exchange for a HAR file
     */
    public void record(Exchange exchange, HarEntry har) {
        add(new Entry(exchange, har, Instant.now()));
    }

    private void add(Entry entry) {
        synchronized (entries) {
            entries.addLast(entry);
            if (entries.size() > kept) {
                entries.removeFirst();
                dropped++;
            }
        }
        if (reportTo != null) {
            reportTo.add(entry);
        }
    }

    /**
     * Replaces the HAR entry of an exchange recorded earlier (a WebSocket handshake, once its session
     * ended and its messages are known), here and in the log it reports to.
     *
     * @param exchange the exchange, as recorded
     * @param har its new HAR entry
     */
    public void updateHar(Exchange exchange, HarEntry har) {
        synchronized (entries) {
            List<Entry> copy = new ArrayList<>(entries);
            entries.clear();
            for (Entry e : copy) {
                entries.addLast(e.exchange() == exchange ? new Entry(exchange, har, e.finishedAt()) : e);
            }
        }
        if (reportTo != null) {
            reportTo.updateHar(exchange, har);
        }
    }

    /**
     * Adds what a client masks to what reports of this log mask (and of the log it reports to), so a
     * name one client lists is masked in the test's traffic report too.
     *
     * @param client the client's rules
     */
    public void masking(Secrets client) {
        if (!client.addsNames()) {
            return;
        }
        synchronized (entries) {
            secrets = secrets.and(client);
        }
        if (reportTo != null) {
            reportTo.masking(client);
        }
    }

    /**
     * The exchanges kept, oldest first, with what reports of them mask.
     *
     * @return a copy
     */
    public Recorded exchanges() {
        synchronized (entries) {
            List<Exchange> out = new ArrayList<>(entries.size());
            entries.forEach(e -> out.add(e.exchange()));
            return new Recorded(out, secrets);
        }
    }

    /**
     * The exchanges kept, as HAR entries, oldest first.
     *
     * @return a copy
     */
    public List<HarEntry> harEntries() {
        synchronized (entries) {
            List<HarEntry> out = new ArrayList<>(entries.size());
            entries.forEach(e -> out.add(e.harEntry()));
            return out;
        }
    }

    /**
     * A copy of a log's exchanges that also says what to mask when they are printed.
     */
    public static final class Recorded extends AbstractList<Exchange> {
        private final List<Exchange> exchanges;
        private final Secrets secrets;

        Recorded(List<Exchange> exchanges, Secrets secrets) {
            this.exchanges = List.copyOf(exchanges);
            this.secrets = secrets;
        }

        @Override
        public Exchange get(int index) {
            return exchanges.get(index);
        }

        @Override
        public int size() {
            return exchanges.size();
        }

        /**
         * What the clients that recorded these exchanges mask.
         *
         * @return the rules
         */
        public Secrets secrets() {
            return secrets;
        }
    }

    /**
     * How many older exchanges were dropped to keep the log bounded.
     *
     * @return the count
     */
    public int dropped() {
        synchronized (entries) {
            return dropped;
        }
    }
}
