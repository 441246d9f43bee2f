package dev.testlet.examples.boot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A task as a client posts it; checked by Bean Validation before the controller sees it.
 *
 * @param title what is to be done: not blank, at most 100 characters
 */
public record NewTask(@NotBlank @Size(max = 100) String title) {}
