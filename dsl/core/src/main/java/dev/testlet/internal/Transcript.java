package dev.testlet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The body bytes of a stream as they were read, for failure messages: the most recent ones, up to a
 * limit, so an endless stream cannot fill the heap, with a note of how many earlier bytes were left out.
 *
 * <pre>{@code
 * Transcript t = new Transcript(16 * 1024);
 * t.append(chunk);
 * t.total();    // every byte ever appended
 * t.bytes();    // "[... 1,234 earlier bytes not shown ...]\n" + the last 16 KiB
 * }</pre>
 */
public final class Transcript {

    private final int limit;
    private byte[] data = new byte[256];
    private int size;
    private long total;

    /**
     * A transcript keeping at most {@code limit} recent bytes.
     *
     * @param limit how many bytes to keep
     */
    public Transcript(int limit) {
        this.limit = limit;
    }

    /**
     * Appends bytes without consuming the buffer.
     *
     * @param chunk the bytes
     */
    public synchronized void append(ByteBuffer chunk) {
        int n = chunk.remaining();
        total += n;
        ByteBuffer in = chunk.duplicate();
        if (n >= limit) {
            in.position(in.limit() - limit);
            size = 0;
            n = limit;
        } else if (size + n > limit) {
            int keep = limit - n;
            System.arraycopy(data, size - keep, data, 0, keep);
            size = keep;
        }
        if (size + n > data.length) {
            data = Arrays.copyOf(data, Math.min(limit, Math.max(data.length * 2, size + n)));
        }
        in.get(data, size, n);
        size += n;
    }

    /** Every byte ever appended. */
    public synchronized long total() {
        return total;
    }

    /**
     * The kept bytes, after a note when earlier ones were left out.
     *
     * @return the bytes
     */
    public synchronized byte[] bytes() {
        byte[] kept = Arrays.copyOf(data, size);
        if (total == size) {
            return kept;
        }
        byte[] note = String.format(Locale.ROOT, "[... %,d earlier bytes not shown ...]%n", total - size)
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(note, note.length + kept.length);
        System.arraycopy(kept, 0, out, note.length, kept.length);
        return out;
    }
}
