package dev.testlet.examples.jersey;

/**
 * A domain failure that {@link LibraryExceptionMapper} turns into an HTTP status and an {@link ApiError}.
 * Resources throw it (or resume an {@code AsyncResponse} with it) and never build error responses.
 */
public abstract class LibraryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, shown to the client
     */
    protected LibraryException(String message) {
        super(message);
    }

    /**
     * The HTTP status this failure answers.
     *
     * @return a 4xx status code
     */
    public abstract int status();
}
