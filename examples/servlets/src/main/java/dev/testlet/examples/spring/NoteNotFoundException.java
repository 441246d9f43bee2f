package dev.testlet.examples.spring;

/** A note that does not exist was asked for; {@link ApiErrors} turns it into a 404. */
public final class NoteNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param id the id that was asked for
     */
    public NoteNotFoundException(long id) {
        super("note " + id + " not found");
    }
}
