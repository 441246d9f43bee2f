package dev.testlet.engine.internal.app;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import dev.testlet.engine.internal.transport.InFlight;
import dev.testlet.engine.spi.OverrideLayer;
import java.io.IOException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Testlet's own filter, first in the app's chain for every dispatch type. It ties the request the
 * app sees to the test's {@link InFlight} record: which thread is running the handler (for timeout
 * reports), what exception escaped the app (so it is never lost), which log records the app wrote
 * meanwhile, and which scope's overrides the app sees. It changes nothing else the app sees: the
 * exception is rethrown for Jetty's error handling to produce the real 500.
 */
final class FrontFilter implements Filter {

    private static final String TRACKED = "dev.testlet.asyncTracked";

    private final Function<ServletRequest, @Nullable InFlight> lookup;
    private final java.util.function.Consumer<ServletRequest> renewChannel;
    private final LogCapture logs;
    private final BackgroundWork background;
    private final BackgroundWork live;
    private final AppAttributes attributes;

    /**
     * The filter.
     *
     * @param lookup finds the in-flight record of a request
     * @param renewChannel makes the next request on a request's connection get a new servlet channel,
     *     after a request whose response another thread may still hold (so a late write cannot land in
     *     the next response)
     * @param logs binds the handling thread for log capture
     * @param background where ordinary requests' async contexts are tracked
     * @param live where the handlers and async contexts of streams and WebSockets are tracked, so the
     *     app's shutdown can wait until they saw their client go
     * @param attributes where the request's overrides are bound to the handling thread
     */
    FrontFilter(Function<ServletRequest, @Nullable InFlight> lookup, java.util.function.Consumer<ServletRequest> renewChannel,
            LogCapture logs, BackgroundWork background, BackgroundWork live, AppAttributes attributes) {
        this.lookup = lookup;
        this.renewChannel = renewChannel;
        this.logs = logs;
        this.background = background;
        this.live = live;
        this.attributes = attributes;
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
        inFlight.serverBegan();
        InFlight previous = logs.bind(inFlight);
        OverrideLayer previousLayer = attributes.bind(inFlight.layer());
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
            attributes.restore(previousLayer);
            logs.restore(previous);
            inFlight.exitHandler();
            if (handling != null) {
                live.finished(handling);
            }
            boolean async = request.isAsyncStarted();
            if (async && request.getAttribute(TRACKED) == null) {
                // A live exchange's async context is the test's to end (by closing it), not background
                // work to wait for; it is tracked apart, for the app's shutdown.
                track(request, inFlight, inFlight.isLive() ? live : background);
            }
            if (async) {
                inFlight.mayWriteLater();
            }
            if (inFlight.isMayWriteLater()) {
                renewChannel.accept(request);
            }
            inFlight.serverEnded();
        }
    }

    private static String describe(InFlight inFlight) {
        return inFlight.plan().method() + " " + inFlight.plan().target();
    }

    /** Tracks an async context until it completes. */
    private static void track(ServletRequest request, InFlight inFlight, BackgroundWork work) {
        request.setAttribute(TRACKED, Boolean.TRUE);
        Object key = new Object();
        work.startedWaiting(key, "async context of " + describe(inFlight) + " (not completed yet)");
        inFlight.serverBegan();
        java.util.concurrent.atomic.AtomicBoolean completed = new java.util.concurrent.atomic.AtomicBoolean();
        request.getAsyncContext().addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                work.finished(key);
                if (completed.compareAndSet(false, true)) {
                    inFlight.serverEnded();
                }
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
