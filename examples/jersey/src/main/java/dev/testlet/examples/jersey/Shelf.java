package dev.testlet.examples.jersey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The app's books, in memory; one shelf per start of the app. Safe for concurrent requests. */
public final class Shelf {

    private final Map<Long, Book> books = new LinkedHashMap<>();
    private long lastId;

    /** An empty shelf. */
    public Shelf() {}

    /**
     * Puts a new book on the shelf.
     *
     * @param book the book
     * @return the book with its id
     * @throws InvalidBookException when the ISBN or the title is blank
     * @throws DuplicateIsbnException when a book with the ISBN is on the shelf
     */
    public synchronized Book add(NewBook book) {
        if (book.isbn() == null || book.isbn().isBlank()) {
            throw new InvalidBookException("isbn must not be blank");
        }
        if (book.title() == null || book.title().isBlank()) {
            throw new InvalidBookException("title must not be blank");
        }
        for (Book existing : books.values()) {
            if (existing.isbn().equals(book.isbn())) {
                throw new DuplicateIsbnException(book.isbn(), existing.id());
            }
        }
        Book stored = new Book(++lastId, book.isbn(), book.title());
        books.put(stored.id(), stored);
        return stored;
    }

    /**
     * A book.
     *
     * @param id its id
     * @return the book
     * @throws BookNotFoundException when there is none
     */
    public synchronized Book get(long id) {
        Book book = books.get(id);
        if (book == null) {
            throw new BookNotFoundException(id);
        }
        return book;
    }

    /**
     * Takes a book off the shelf.
     *
     * @param id its id
     * @throws BookNotFoundException when there is none
     */
    public synchronized void remove(long id) {
        if (books.remove(id) == null) {
            throw new BookNotFoundException(id);
        }
    }

    /**
     * Every book, in the order they were added.
     *
     * @return a copy
     */
    public synchronized List<Book> all() {
        return List.copyOf(new ArrayList<>(books.values()));
    }
}
