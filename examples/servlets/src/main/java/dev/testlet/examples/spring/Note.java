package dev.testlet.examples.spring;

/**
 * A stored note, as the API returns it.
 *
 * @param id its id, from 1
 * @param text its text
 */
public record Note(long id, String text) {}
