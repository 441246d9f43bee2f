package dev.testlet.examples.jersey;

/** There is no book with the id asked for: a 404. */
public final class BookNotFoundException extends LibraryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param id the id asked for
     */
    public BookNotFoundException(long id) {
        super("book " + id + " not found");
    }

    @Override
    public int status() {
        return 404;
    }
}
