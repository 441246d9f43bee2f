package dev.testlet.examples.spring;

import org.jspecify.annotations.Nullable;

/**
 * A note as a client posts it.
 *
 * @param text the text; must not be blank
 */
public record NewNote(@Nullable String text) {}
