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

    FrontFilter(Function<ServletRequest, @Nullable InFlight> lookup, LogCapture logs, BackgroundWork background) {
        this.lookup = lookup;
        this.logs = logs;
        this.background = background;
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
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            inFlight.recordServerException(e);
            throw e;
        } finally {
            logs.restore(previous);
            inFlight.exitHandler();
            if (request.isAsyncStarted() && !inFlight.isLive() && request.getAttribute(TRACKED) == null) {
                track(request, inFlight);
            }
        }
    }

    /** Tracks an async context as background work until it completes. */
    private void track(ServletRequest request, InFlight inFlight) {
        request.setAttribute(TRACKED, Boolean.TRUE);
        Object key = new Object();
        background.started(key, "async context of " + inFlight.plan().method() + " " + inFlight.plan().target()
                + " (not completed yet)", null);
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                background.finished(key);
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
