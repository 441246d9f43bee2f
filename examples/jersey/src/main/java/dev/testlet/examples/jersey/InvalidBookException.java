package dev.testlet.examples.jersey;

/** A posted book is missing something it needs: a 400. */
public final class InvalidBookException extends LibraryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing, such as {@code "title must not be blank"}
     */
    public InvalidBookException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
