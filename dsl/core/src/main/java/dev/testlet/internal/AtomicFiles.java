package dev.testlet.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: to a temporary file beside it, then moved over it (atomically
 * where the file system can), so a reader, or a parallel test, never sees half of it.
 *
 * <pre>{@code AtomicFiles.write(Path.of("target/run.har"), bytes);}</pre>
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Writes the bytes, creating the folders.
     *
     * @param file the file
     * @param bytes its whole content
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
