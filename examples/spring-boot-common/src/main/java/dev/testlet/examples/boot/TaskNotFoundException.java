package dev.testlet.examples.boot;

/** A task that does not exist was asked for; {@link ApiErrors} turns it into a 404. */
public final class TaskNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param id the id that was asked for
     */
    public TaskNotFoundException(long id) {
        super("task " + id + " not found");
    }
}
