package dev.testlet.examples.todos;

/**
 * A to-do.
 *
 * @param id its id
 * @param title what to do
 */
public record Todo(long id, String title) {}
