package dev.testlet.examples.items;

/**
 * The body of an error that is not about one field: {@code {"error":"item 7 not found"}}.
 *
 * @param error what went wrong, in a sentence
 */
public record ErrorMessage(String error) {}
