package dev.testlet.engine.internal.app;

/**
 * The app wrote to a response after it was complete: after {@code AsyncContext.complete()}, or from a
 * thread that kept the response after the handler returned. Testlet made sure the bytes reached no
 * other response (the connection was dropped, or the write failed); this reports the bug, naming the
 * request, where the app's background failures are reported ({@code awaitBackgroundTasks()} and
 * {@code close()}).
 *
 * <pre>{@code
 * // GET /race wrote 4 bytes after its response was complete: "LATE"; ...
 * }</pre>
 */
final class LateWriteException extends RuntimeException {

    LateWriteException(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    LateWriteException(String message) {
        super(message, null, false, false);
    }
}
