package dev.testlet.engine.internal.transport;

import org.jspecify.annotations.Nullable;

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

        @Override
        public void wroteForNoRequest(@Nullable InFlight request, long count, String preview) {}
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

    /**
     * Bytes arrived on a connection for no request: after the response of the request it carried was
     * complete. The app wrote late (after {@code AsyncContext.complete()}, or from a thread that kept
     * the response); the connection was dropped, so they cannot reach another response.
     *
     * @param request the request whose response came before them, if known
     * @param count how many bytes
     * @param preview the first of them, as text
     */
    void wroteForNoRequest(@Nullable InFlight request, long count, String preview);
}
