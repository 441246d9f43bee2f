package dev.testlet.examples.jersey;

/** A book with this ISBN is already on the shelf: a 409. */
public final class DuplicateIsbnException extends LibraryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param isbn the ISBN
     * @param existing the id of the book that has it
     */
    public DuplicateIsbnException(String isbn, long existing) {
        super("ISBN " + isbn + " is already on the shelf as book " + existing);
    }

    @Override
    public int status() {
        return 409;
    }
}
