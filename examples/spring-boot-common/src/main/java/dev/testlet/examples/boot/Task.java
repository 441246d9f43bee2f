package dev.testlet.examples.boot;

/**
 * A stored task, as the API returns it.
 *
 * @param id its id, from the database
 * @param title what is to be done
 * @param done whether it is done
 * @param owner the user who created it
 */
public record Task(long id, String title, boolean done, String owner) {}
