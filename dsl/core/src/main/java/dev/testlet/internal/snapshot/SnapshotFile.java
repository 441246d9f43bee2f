package dev.testlet.internal.snapshot;

import dev.testlet.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot file, the only way in and out of it within a run: it reads the file once (lazily),
 * keeps its entries, and rewrites the whole file on every change, atomically (a temporary file in the
 * same folder, then a move over the old one), so a reader never sees half a file and parallel tests
 * of one class cannot lose each other's entries.
 *
 * <pre>{@code
 * SnapshotFile file = new SnapshotFile(path, "com.example.ItemsTest", "src/test/java/.../ItemsTest.snap");
 * file.read("creates_an_item");           // null when missing
 * file.write("creates_an_item", text);    // the file now holds it
 * file.remove(Set.of("old_test"));        // deletes the file when nothing is left
 * }</pre>
 *
 * Thread-safe: every method holds this object's lock, so keep exactly one instance per path (the
 * {@link Snapshots} of a run does).
 */
public final class SnapshotFile {

    private final Path path;
    private final String title;
    private final String shownPath;
    private @Nullable SortedMap<String, String> entries;

    /**
     * A file that is read when first used.
     *
     * <pre>{@code new SnapshotFile(path, testClass.getName(), "src/test/java/com/example/__snapshots__/ItemsTest.snap")}</pre>
     *
     * @param path where it is
     * @param title what its preamble says it holds (the test class's name)
     * @param shownPath how messages name it (relative to the module when possible)
     */
    public SnapshotFile(Path path, String title, String shownPath) {
        this.path = path;
        this.title = title;
        this.shownPath = shownPath;
    }

    /**
     * Where the file is.
     *
     * <pre>{@code file.path()}</pre>
     *
     * @return the path
     */
    public Path path() {
        return path;
    }

    /**
     * How messages name the file.
     *
     * <pre>{@code file.shownPath()   // "src/test/java/com/example/__snapshots__/ItemsTest.snap"}</pre>
     *
     * @return the path as shown
     */
    public String shownPath() {
        return shownPath;
    }

    /**
     * An entry's text, or null when the file has no such entry (or does not exist).
     *
     * <pre>{@code file.read("creates_an_item")}</pre>
     *
     * @param name the entry name
     * @return the text, or null
     * @throws IllegalStateException when the file cannot be read as a snapshot file
     */
    public synchronized @Nullable String read(String name) {
        return entries().get(name);
    }

    /**
     * The names of all entries, sorted.
     *
     * <pre>{@code file.names()}</pre>
     *
     * @return the names
     */
    public synchronized SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(entries().keySet()));
    }

    /**
     * Adds or replaces an entry and rewrites the file.
     *
     * <pre>{@code file.write("creates_an_item", rendering.text())}</pre>
     *
     * @param name the entry name, not empty
     * @param text the entry's text
     * @throws IllegalArgumentException when the text cannot be stored as UTF-8 (an unpaired surrogate)
     * @throws UncheckedIOException when the file cannot be written
     */
    public synchronized void write(String name, String text) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a snapshot entry needs a non-empty name");
        }
        SortedMap<String, String> next = new TreeMap<>(entries());
        next.put(name, text);
        persist(next);
        entries = next;
    }

    /**
     * Removes entries and rewrites the file, or deletes it when no entry is left.
     *
     * <pre>{@code file.remove(List.of("old_test"))}</pre>
     *
     * @param names the entries to remove
     * @return true when the file was deleted because it became empty
     * @throws UncheckedIOException when the file cannot be written or deleted
     */
    public synchronized boolean remove(Collection<String> names) {
        SortedMap<String, String> next = new TreeMap<>(entries());
        if (!next.keySet().removeAll(names)) {
            return false;
        }
        if (next.isEmpty()) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the empty snapshot file " + shownPath + ": " + e, e);
            }
            entries = next;
            return true;
        }
        persist(next);
        entries = next;
        return false;
    }

    private SortedMap<String, String> entries() {
        if (entries == null) {
            entries = load();
        }
        return entries;
    }

    private SortedMap<String, String> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot file " + shownPath + ": " + e, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot read the snapshot file " + shownPath
                    + ": it is not UTF-8 text (was it saved in another encoding?); save it as UTF-8, or delete it"
                    + " and run the tests to write it again", e);
        }
        return SnapshotFormat.parse(text, shownPath);
    }

    private void persist(SortedMap<String, String> next) {
        byte[] bytes = encode(SnapshotFormat.print(title, next), next);
        try {
            AtomicFiles.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot file " + shownPath + ": " + e, e);
        }
    }

    private byte[] encode(String text, SortedMap<String, String> next) {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            String culprit = next.entrySet().stream()
                    .filter(en -> !StandardCharsets.UTF_8.newEncoder().canEncode(en.getValue()))
                    .map(java.util.Map.Entry::getKey).findFirst().orElse("?");
            throw new IllegalArgumentException("the snapshot '" + culprit + "' holds an unpaired UTF-16 surrogate,"
                    + " which a UTF-8 file cannot store; redact it with a pattern", e);
        }
    }

    @Override
    public String toString() {
        return shownPath;
    }
}
