package dev.testlet.internal;

import dev.testlet.engine.Exchange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the JUnit extension binds to the thread running a test: the test's client (for the static
 * {@code Testlet.given()}) and the log of the test's exchanges (for its failure report).
 *
 * <p>This is Testlet's one static field that holds changing state, and it is confined to threads:
 * an inheritable thread-local, so virtual threads a test starts record into the same test. The
 * extension binds it before each test and removes it after; nothing else writes it.
 */
public final class TestBinding {

    /** How many exchanges a test keeps for its failure report; older ones are dropped. */
    public static final int KEPT = 50;

    private static final InheritableThreadLocal<TestBinding> CURRENT = new InheritableThreadLocal<>();

    private final Object client;
    private final String testName;
    private final Deque<Exchange> exchanges = new ArrayDeque<>();
    private final List<Leftover> opened = new ArrayList<>();
    private int dropped;

    /** Something a test opened that must not outlive it (a WebSocket session). */
    @FunctionalInterface
    public interface Leftover {

        /**
         * Closes it if the test left it open.
         *
         * @return what was left open ("WebSocket session GET /ws/chat"), or null when it was closed
         */
        @Nullable String closeIfOpen();
    }

    /**
     * A binding for one test.
     *
     * @param client the test's client
     * @param testName the test's display name, for messages
     */
    public TestBinding(Object client, String testName) {
        this.client = client;
        this.testName = testName;
    }

    /**
     * The binding of the test running on this thread, if any.
     *
     * @return the binding, or null outside a test run by the extension
     */
    public static @Nullable TestBinding current() {
        return CURRENT.get();
    }

    /**
     * Binds a test to this thread (and the threads it starts).
     *
     * @param binding the binding
     */
    public static void bind(TestBinding binding) {
        CURRENT.set(binding);
    }

    /** Removes this thread's binding. */
    public static void unbind() {
        CURRENT.remove();
    }

    /**
     * Records an exchange into the current test's log, if a test is bound.
     *
     * @param exchange the exchange
     */
    public static void recordIfBound(Exchange exchange) {
        TestBinding binding = CURRENT.get();
        if (binding != null) {
            binding.record(exchange);
        }
    }

    /**
     * Remembers something the current test opened, if a test is bound, to close it when the test ends.
     *
     * @param leftover how to close it
     */
    public static void openedIfBound(Leftover leftover) {
        TestBinding binding = CURRENT.get();
        if (binding != null) {
            synchronized (binding) {
                binding.opened.add(leftover);
            }
        }
    }

    /**
     * Closes what the test opened and left open.
     *
     * @return what was left open, one description each
     */
    public List<String> closeLeftovers() {
        List<Leftover> all;
        synchronized (this) {
            all = new ArrayList<>(opened);
            opened.clear();
        }
        List<String> left = new ArrayList<>();
        for (Leftover each : all) {
            String description = each.closeIfOpen();
            if (description != null) {
                left.add(description);
            }
        }
        return left;
    }

    /** The bound client. */
    public Object client() {
        return client;
    }

    /** The test's display name. */
    public String testName() {
        return testName;
    }

    synchronized void record(Exchange exchange) {
        exchanges.addLast(exchange);
        if (exchanges.size() > KEPT) {
            exchanges.removeFirst();
            dropped++;
        }
    }

    /** The exchanges kept, oldest first. */
    public synchronized List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** How many older exchanges were dropped to keep the log bounded. */
    public synchronized int dropped() {
        return dropped;
    }
}
