package dev.testlet.examples.jersey;

/**
 * The JSON body of every error the app answers itself: {@code {"error": "book 7 not found"}}.
 *
 * @param error what went wrong, for a person
 */
public record ApiError(String error) {}
