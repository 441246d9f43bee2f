package dev.testlet.examples.jersey;

/**
 * A book on the shelf, as the API answers it in JSON (written by Jersey's Jackson 2 provider).
 *
 * @param id the id the shelf gave it
 * @param isbn its ISBN, unique on the shelf
 * @param title its title
 */
public record Book(long id, String isbn, String title) {}
