package dev.testlet.engine.internal;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Testlet's own filter, first in the app's chain for every dispatch type. It ties the request the
 * app sees to the test's {@link InFlight} record: which thread is running the handler (for timeout
 * reports), what exception escaped the app (so it is never lost), and which log records the app
 * wrote meanwhile. It changes nothing the app
 * sees: the exception is rethrown for Jetty's error handling to produce the real 500.
 */
final class FrontFilter implements Filter {

    private static final String TRACKED = "dev.testlet.asyncTracked";

    private final Function<ServletRequest, @Nullable InFlight> lookup;
    private final LogCapture logs;
    private final BackgroundWork background;
    private final BackgroundWork live;

    /**
     * The filter.
     *
     * @param lookup finds the in-flight record of a request
     * @param logs binds the handling thread for log capture
     * @param background where ordinary requests' async contexts are tracked
     * @param live where the handlers and async contexts of streams and WebSockets are tracked, so the
     *     app's shutdown can wait until they saw their client go
     */
    FrontFilter(Function<ServletRequest, @Nullable InFlight> lookup, LogCapture logs, BackgroundWork background,
            BackgroundWork live) {
        this.lookup = lookup;
        this.logs = logs;
        this.background = background;
        this.live = live;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        InFlight inFlight = lookup.apply(request);
        if (inFlight == null) {
            chain.doFilter(request, response);
            return;
        }
        inFlight.enterHandler(Thread.currentThread());
        InFlight previous = logs.bind(inFlight);
        Object handling = null;
        if (inFlight.isLive()) {
            handling = new Object();
            live.started(handling, "the handler of " + describe(inFlight), Thread.currentThread());
        }
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            inFlight.recordServerException(e);
            throw e;
        } finally {
            logs.restore(previous);
            inFlight.exitHandler();
            if (handling != null) {
                live.finished(handling);
            }
            if (request.isAsyncStarted() && request.getAttribute(TRACKED) == null) {
                // A live exchange's async context is the test's to end (by closing it), not background
                // work to wait for; it is tracked apart, for the app's shutdown.
                track(request, inFlight, inFlight.isLive() ? live : background);
            }
        }
    }

    private static String describe(InFlight inFlight) {
        return inFlight.plan().method() + " " + inFlight.plan().target();
    }

    /** Tracks an async context until it completes. */
    private static void track(ServletRequest request, InFlight inFlight, BackgroundWork work) {
        request.setAttribute(TRACKED, Boolean.TRUE);
        Object key = new Object();
        work.started(key, "async context of " + describe(inFlight) + " (not completed yet)", null);
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                work.finished(key);
            }

            @Override
            public void onTimeout(AsyncEvent event) {}

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {
                event.getAsyncContext().addListener(this);
            }
        });
    }
}
