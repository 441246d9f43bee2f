package dev.testlet.engine.internal;

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

    private final Function<ServletRequest, @Nullable InFlight> lookup;
    private final LogCapture logs;

    FrontFilter(Function<ServletRequest, @Nullable InFlight> lookup, LogCapture logs) {
        this.lookup = lookup;
        this.logs = logs;
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
        }
    }
}
