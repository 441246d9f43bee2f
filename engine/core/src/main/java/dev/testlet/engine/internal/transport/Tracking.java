package dev.testlet.engine.internal.transport;

/**
 * What an app in this JVM does with the requests an engine sends it: watches their deadlines (a
 * handler on the test's own thread cannot notice its own timeout) and counts them as background work.
 * A server elsewhere has none of this: {@link #NONE}.
 */
public interface Tracking {

    /** For a server outside this JVM: nothing to watch, nothing to count. */
    Tracking NONE = new Tracking() {
        @Override
        public void begin(InFlight request) {}

        @Override
        public void end(InFlight request) {}
    };

    /**
     * A request is about to be written.
     *
     * @param request the request
     */
    void begin(InFlight request);

    /**
     * The request's response was read (or it failed).
     *
     * @param request the request
     */
    void end(InFlight request);
}
