package dev.testlet.examples.jersey;

/**
 * A count, as JSON: {@code {"count": 3}}.
 *
 * @param count the number
 */
public record Count(int count) {}
