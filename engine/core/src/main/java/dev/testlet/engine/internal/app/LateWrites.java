package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.InFlight;
import org.eclipse.jetty.io.EofException;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes a task that failed because it wrote to the response of the request that started it
 * after that response was complete, and says so, naming the request.
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

    private static boolean wroteToClosedResponse(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException) {
                return true;
            }
        }
        return false;
    }
}
