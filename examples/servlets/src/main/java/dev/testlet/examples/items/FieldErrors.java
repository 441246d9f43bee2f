package dev.testlet.examples.items;

import java.util.List;

/**
 * The body of a 422 (or of a 400 for malformed JSON):
 * {@code {"errors":[{"field":"name","message":"must not be blank"}]}}.
 *
 * @param errors every problem found, in field order
 */
public record FieldErrors(List<FieldError> errors) {}
