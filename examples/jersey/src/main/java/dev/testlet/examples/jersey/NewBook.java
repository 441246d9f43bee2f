package dev.testlet.examples.jersey;

/**
 * The body of {@code POST /api/books}.
 *
 * @param isbn the ISBN, unique on the shelf
 * @param title the title, not blank
 */
public record NewBook(String isbn, String title) {}
