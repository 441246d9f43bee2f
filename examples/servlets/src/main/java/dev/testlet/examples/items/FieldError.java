package dev.testlet.examples.items;

/**
 * One problem with a submitted item: {@code {"field":"name","message":"must not be blank"}}.
 *
 * @param field the field that is wrong ({@code "body"} when the body as a whole is)
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
