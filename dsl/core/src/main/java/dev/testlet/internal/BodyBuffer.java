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
 * <p>Not thread-safe: one reader uses it.
 */
public final class BodyBuffer {

    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final Charset charset;
    private final CharsetDecoder decoder;
    private byte[] bytes = new byte[256];
    private int start;
    private int end;
    private boolean skipLf;

    /**
     * An empty buffer.
     *
     * @param charset to decode text and lines with (malformed input becomes U+FFFD)
     */
    public BodyBuffer(Charset charset) {
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
        }
        if (end + n > bytes.length) {
            if (start > 0) {
                System.arraycopy(bytes, start, bytes, 0, end - start);
                end -= start;
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
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == LF || b == CR) {
                String line = new String(bytes, start, i - start, charset);
                start = i + 1;
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
        if (ended && start != end) {
            String last = new String(bytes, start, end - start, charset);
            start = end;
            return last;
        }
        return null;
    }

    /**
     * What is waiting, as text cut for a failure message, without taking it.
     *
     * @return the text
     */
    public String peek() {
        return dev.testlet.engine.spi.BodyText.cut(new String(bytes, start, end - start, charset));
    }
}
