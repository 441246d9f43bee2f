package dev.testlet.examples.spring;

import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /notes} and {@code GET /notes/{id}}; errors are answered by {@link ApiErrors}. */
@RestController
public class NotesController {

    private final NoteBook noteBook;

    /**
     * @param noteBook where notes are kept
     */
    public NotesController(NoteBook noteBook) {
        this.noteBook = noteBook;
    }

    /**
     * Stores a note.
     *
     * @param note the posted note
     * @return 201 with the note and its {@code Location}
     * @throws IllegalArgumentException when the text is blank (a 400)
     */
    @PostMapping("/notes")
    public ResponseEntity<Note> create(@RequestBody NewNote note) {
        if (note.text() == null || note.text().isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        Note stored = noteBook.add(note.text());
        return ResponseEntity.created(URI.create("/notes/" + stored.id())).body(stored);
    }

    /**
     * A stored note.
     *
     * @param id the note's id
     * @return the note
     * @throws NoteNotFoundException when there is none (a 404)
     */
    @GetMapping("/notes/{id}")
    public Note get(@PathVariable("id") long id) {
        return noteBook.find(id).orElseThrow(() -> new NoteNotFoundException(id));
    }
}
