package dev.testlet.examples.spring;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The app's notes, in memory: one note book per Spring context, so per start of the app. */
public final class NoteBook {

    private final Map<Long, Note> notes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** An empty note book. */
    public NoteBook() {}

    /**
     * Stores a note under the next id.
     *
     * @param text the text
     * @return the stored note
     */
    public Note add(String text) {
        Note note = new Note(ids.incrementAndGet(), text);
        notes.put(note.id(), note);
        return note;
    }

    /**
     * The note with an id.
     *
     * @param id the id
     * @return the note, or empty
     */
    public Optional<Note> find(long id) {
        return Optional.ofNullable(notes.get(id));
    }
}
