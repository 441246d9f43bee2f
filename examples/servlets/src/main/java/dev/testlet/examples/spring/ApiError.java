package dev.testlet.examples.spring;

/**
 * The body of every error the API answers: {@code {"error":"note 7 not found"}}.
 *
 * @param error what went wrong, for a person
 */
public record ApiError(String error) {}
