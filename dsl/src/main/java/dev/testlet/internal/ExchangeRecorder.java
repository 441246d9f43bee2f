package dev.testlet.internal;

import dev.testlet.engine.Exchange;

/** Where a client reports each exchange it completes (the JUnit extension keeps a test's traffic). */
@FunctionalInterface
public interface ExchangeRecorder {

    /** Records nothing. */
    ExchangeRecorder NONE = exchange -> {};

    /**
     * Called once per finished exchange, redirect hops included.
     *
     * @param exchange the exchange
     */
    void record(Exchange exchange);
}
