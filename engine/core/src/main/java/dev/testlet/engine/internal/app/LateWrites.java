package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.InFlight;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Attributes;
import org.jspecify.annotations.Nullable;

/**
 * Late writes: keeps a response's output stream from being reused by the next request on its
 * connection, and recognizes a task that failed because it wrote to the response of the request that
 * started it after that response was complete, naming the request.
 */
final class LateWrites {

    private LateWrites() {}

    /**
     * What to report for a task that threw.
     *
     * @param thrown what it threw
     * @param origin the request whose handler started the task, if one did
     * @return a {@link LateWriteException} naming the request when the task wrote after that request's
     *     response was complete; otherwise {@code thrown} itself
     */
    static Throwable classify(Throwable thrown, @Nullable InFlight origin) {
        if (origin == null || origin.isRunning() || origin.isLive() || !wroteToClosedResponse(thrown)) {
            return thrown;
        }
        String request = origin.plan().method() + " " + origin.plan().target();
        return new LateWriteException(request + " started a task that wrote to its response after the response was"
                + " complete (" + thrown + "); an app must not write to a response after AsyncContext.complete() or"
                + " after its handler returned (the write failed, so nothing reached another response)", thrown);
    }

    /**
     * Makes the next request on this request's connection get a new servlet channel. Jetty reuses a
     * connection's channel, and with it the response's output stream, for the next request on that
     * connection; a thread that kept the old stream and writes after the response was complete would
     * write into the next response. With a new channel, such a write fails in the app instead
     * ({@code EofException: Closed}), and {@link #classify} reports it. Done only for requests that
     * went async or handed work to other threads: a new channel per request would cost every request.
     *
     * @param core the Jetty request whose connection's channel is not to be reused
     */
    static void renewChannel(Request core) {
        Attributes cache = core.getComponents().getCache();
        for (String name : cache.getAttributeNameSet()) {
            if (name.endsWith(".ServletChannel")) {
                cache.removeAttribute(name);
            }
        }
    }

    private static boolean wroteToClosedResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
