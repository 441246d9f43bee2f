package dev.testlet.engine.internal.app;

import dev.testlet.engine.internal.transport.InFlight;
import dev.testlet.engine.spi.OverrideLayer;
import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.exception.CloseException;
import org.eclipse.jetty.websocket.core.exception.WebSocketException;
import org.eclipse.jetty.websocket.core.exception.WebSocketTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the frame handler Jetty made for a WebSocket session of a test, to tie the session to its
 * {@link InFlight} as {@link FrontFilter} does for requests: which thread runs the endpoint now (for
 * a receive that times out), what the endpoint logged, and what it threw. Jetty reports an exception
 * from an endpoint only as a close frame ({@code 1003 Endpoint notification error}, {@code 1011})
 * and a log line, so this keeps the exception itself. It changes nothing the endpoint sees.
 */
final class TrackedFrameHandler implements FrameHandler {

    private final FrameHandler delegate;
    private final InFlight session;
    private final LogCapture logs;
    private final AppAttributes attributes;

    TrackedFrameHandler(FrameHandler delegate, InFlight session, LogCapture logs, AppAttributes attributes) {
        this.delegate = delegate;
        this.session = session;
        this.logs = logs;
        this.attributes = attributes;
    }

    /** What was bound to the thread before the endpoint ran, to put back after. */
    private record Bound(@Nullable InFlight request, @Nullable OverrideLayer layer) {}

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        Bound previous = enter();
        try {
            delegate.onOpen(coreSession, callback);
        } finally {
            exit(previous);
        }
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        Bound previous = enter();
        try {
            delegate.onFrame(frame, callback);
        } finally {
            exit(previous);
        }
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        record(cause);
        Bound previous = enter();
        try {
            delegate.onError(cause, callback);
        } finally {
            exit(previous);
        }
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        if (closeStatus.getCause() != null) {
            record(closeStatus.getCause());
        }
        Bound previous = enter();
        try {
            // An exception from the endpoint's @OnClose only fails this callback.
            delegate.onClosed(closeStatus, new Callback.Nested(callback) {
                @Override
                public void failed(Throwable x) {
                    record(x);
                    super.failed(x);
                }
            });
        } finally {
            exit(previous);
            session.endpointClosed();
        }
    }

    private Bound enter() {
        session.enterHandler(Thread.currentThread());
        return new Bound(logs.bind(session), attributes.bind(session.layer()));
    }

    private void exit(Bound previous) {
        attributes.restore(previous.layer());
        logs.restore(previous.request());
        session.exitHandler();
    }

    /** Keeps what the endpoint threw; leaves out Jetty's own news of a closed connection. */
    private void record(Throwable cause) {
        Throwable thrown = appCause(cause);
        if (thrown != null) {
            session.recordServerException(thrown);
        }
    }

    /**
     * The exception the endpoint threw, out of Jetty's wrappers ({@code CloseException("Endpoint
     * notification error", cause)}, {@code WebSocketException("... OPEN method error", cause)}); null
     * when Jetty itself ended the session (the client went away, a timeout, a protocol error).
     */
    static @Nullable Throwable appCause(Throwable cause) {
        Throwable t = cause;
        while ((t instanceof CloseException || t instanceof WebSocketException) && t.getCause() != null
                && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof WebSocketException || t instanceof ClosedChannelException || t instanceof EofException
                || t instanceof WebSocketTimeoutException) {
            return null;
        }
        return t;
    }
}
