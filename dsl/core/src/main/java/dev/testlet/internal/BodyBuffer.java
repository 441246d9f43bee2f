package dev.testlet.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Body bytes received and not read yet, read back as bytes, text or lines. Lines end at LF, CRLF or
 * CR, as {@link java.io.BufferedReader} reads them, also when a CRLF is split between two appends;
 * text keeps back the bytes of a character not complete yet, so a character split between two
 * flushes is decoded whole.
 *
 * <pre>{@code
 * BodyBuffer body = new BodyBuffer(UTF_8);
 * body.append(ByteBuffer.wrap("one\r".getBytes(UTF_8)));
 * body.takeLine(false);   // "one"
 * body.append(ByteBuffer.wrap("\ntwo".getBytes(UTF_8)));
 * body.takeLine(false);   // null: "two" may go on
 * body.takeLine(true);    // "two": the body has ended
 * }</pre>
 *
 * <p>Finding the next line scans each byte once, however the body is cut into chunks. A line longer
 * than {@code maxLineBytes} fails with a {@link LimitExceededException} naming the limit.
 *
 * <p>Not thread-safe: one reader uses it.
 */
public final class BodyBuffer {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    /** How many bytes {@link #peek()} decodes at most. */
    private static final int PEEK_BYTES = 4 * 4_000;

    private final Charset charset;
    private final CharsetDecoder decoder;
    private final int maxLineBytes;
    private byte[] bytes = new byte[256];
    private int start;
    private int end;
    /** Where the search for the next line end resumes: bytes from start to here hold none. */
    private int scanned;
    private boolean skipLf;

    /**
     * An empty buffer whose lines may be up to 1 MiB long.
     *
     * @param charset to decode text and lines with (malformed input becomes U+FFFD)
     */
    public BodyBuffer(Charset charset) {
        this(charset, 1024 * 1024);
    }

    /**
     * An empty buffer.
     *
     * @param charset to decode text and lines with (malformed input becomes U+FFFD)
     * @param maxLineBytes the longest line {@link #takeLine} returns, without its line end
     */
    public BodyBuffer(Charset charset, int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive, but was " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /**
     * Adds received bytes (dropping an LF that completes a CRLF whose CR ended the last line read).
     *
     * @param chunk the bytes; consumed
     */
    public void append(ByteBuffer chunk) {
        if (skipLf && chunk.hasRemaining()) {
            skipLf = false;
            if (chunk.get(chunk.position()) == LF) {
                chunk.position(chunk.position() + 1);
            }
        }
        int n = chunk.remaining();
        if (start == end) {
            start = 0;
            end = 0;
            scanned = 0;
        }
        if (end + n > bytes.length) {
            if (start > 0) {
                System.arraycopy(bytes, start, bytes, 0, end - start);
                end -= start;
                scanned = Math.max(scanned - start, 0);
                start = 0;
            }
            if (end + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + n));
            }
        }
        chunk.get(bytes, end, n);
        end += n;
    }

    /** Whether nothing is waiting to be read. */
    public boolean isEmpty() {
        return start == end;
    }

    /**
     * Everything waiting, as bytes.
     *
     * @return the bytes, possibly empty
     */
    public byte[] takeBytes() {
        byte[] out = Arrays.copyOfRange(bytes, start, end);
        start = end;
        return out;
    }

    /**
     * Everything waiting, as text, except the bytes of a last character not complete yet.
     *
     * @param ended whether the body has ended (then incomplete bytes become U+FFFD)
     * @return the text, possibly empty
     */
    public String takeText(boolean ended) {
        ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
        CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 2);
        decoder.reset();
        decoder.decode(in, out, ended);
        if (ended) {
            decoder.flush(out);
            start = end;
        } else {
            start = in.position();
        }
        return out.flip().toString();
    }

    /**
     * The next whole line, without its line end.
     *
     * @param ended whether the body has ended, so that what is left is the last line
     * @return the line, or null when no whole line is waiting
     */
    public @Nullable String takeLine(boolean ended) {
        for (int i = Math.max(scanned, start); i < end; i++) {
            byte b = bytes[i];
            if (b == LF || b == CR) {
                if (i - start > maxLineBytes) {
                    throw tooLong("", i - start);
                }
                String line = new String(bytes, start, i - start, charset);
                start = i + 1;
                scanned = start;
                if (b == CR) {
                    if (start < end) {
                        if (bytes[start] == LF) {
                            start++;
                        }
                    } else {
                        skipLf = true;
                    }
                }
                return line;
            }
        }
        scanned = end;
        if (end - start > maxLineBytes) {
            throw tooLong(" and has no line end yet", end - start);
        }
        if (ended && start != end) {
            String last = new String(bytes, start, end - start, charset);
            start = end;
            return last;
        }
        return null;
    }

    private LimitExceededException tooLong(String detail, int length) {
        String preview = new String(bytes, start, Math.min(length, LimitExceededException.PREVIEW_CHARS * 4), charset);
        return LimitExceededException.of("a line of the body", detail, maxLineBytes, "withMaxLineBytes", preview);
    }

    /**
     * What is waiting, as text cut for a failure message, without taking it.
     *
     * @return the text
     */
    public String peek() {
        int waiting = end - start;
        if (waiting <= PEEK_BYTES) {
            return dev.testlet.engine.spi.BodyText.cut(new String(bytes, start, waiting, charset));
        }
        String text = new String(bytes, start, PEEK_BYTES, charset);
        String shown = text.substring(0, Math.min(text.length(), dev.testlet.engine.spi.BodyText.PREVIEW_LIMIT));
        int shownBytes = shown.getBytes(charset).length;
        return shown + String.format(java.util.Locale.ROOT, "%n... (%,d bytes in all; not shown: %,d)", waiting,
                waiting - shownBytes);
    }
}
