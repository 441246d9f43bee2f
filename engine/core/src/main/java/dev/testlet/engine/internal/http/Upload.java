package dev.testlet.engine.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.jetty.util.BufferUtil;
import org.jspecify.annotations.Nullable;

/**
 * A request body read from a file chunk by chunk as it is sent, so a body bigger than memory is never
 * held whole: at most one chunk of it is in memory at a time.
 */
public final class Upload implements AutoCloseable {

    /** How much of the file is read at once. */
    static final int CHUNK = 64 * 1024;

    private final Path file;
    private final long length;
    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(CHUNK).limit(0);
    private long read;
    private long sent;
    private @Nullable IOException failure;

    private Upload(Path file, long length, FileChannel channel) {
        this.file = file;
        this.length = length;
        this.channel = channel;
    }

    /**
     * Opens a file to send.
     *
     * @param file the file
     * @param length how many bytes the request announced ({@code Content-Length})
     * @return the upload
     * @throws IOException when the file cannot be opened
     */
    public static Upload open(Path file, long length) throws IOException {
        return new Upload(file, length, FileChannel.open(file, StandardOpenOption.READ));
    }

    /**
     * Appends the next bytes of the body to a Jetty buffer (in flush mode), as much as fits.
     *
     * @param buffer the buffer the server reads into
     * @return how many bytes were appended; 0 once the whole body was sent
     * @throws IOException when the file cannot be read, or ended before its announced length
     */
    public synchronized int fillInto(ByteBuffer buffer) throws IOException {
        if (!pending.hasRemaining() && !readChunk()) {
            return 0;
        }
        int n = BufferUtil.append(buffer, pending);
        sent += n;
        return n;
    }

    /**
     * Writes the whole body to a stream (a socket), chunk by chunk.
     *
     * @param out the stream
     * @throws IOException when the file or the stream fails
     */
    public synchronized void writeTo(OutputStream out) throws IOException {
        while (pending.hasRemaining() || readChunk()) {
            out.write(pending.array(), pending.arrayOffset() + pending.position(), pending.remaining());
            sent += pending.remaining();
            pending.position(pending.limit());
        }
        out.flush();
    }

    /** Whether some of the body is still to be sent. */
    public synchronized boolean hasMore() {
        return sent < length && failure == null;
    }

    /** Why reading the file failed, if it did. */
    public synchronized @Nullable IOException failure() {
        return failure;
    }

    private boolean readChunk() throws IOException {
        if (read >= length) {
            return false;
        }
        if (failure != null) {
            throw failure;
        }
        pending.clear().limit((int) Math.min(CHUNK, length - read));
        int n;
        try {
            n = channel.read(pending);
        } catch (IOException e) {
            pending.limit(0);
            failure = new IOException("could not read the request body from " + file + ": " + e.getMessage(), e);
            throw failure;
        }
        if (n < 0) {
            pending.limit(0);
            failure = new IOException("the file " + file + " ended after " + read + " of the " + length
                    + " bytes announced; did it change while it was sent?");
            throw failure;
        }
        read += n;
        pending.flip();
        return true;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written to it
        }
    }
}
