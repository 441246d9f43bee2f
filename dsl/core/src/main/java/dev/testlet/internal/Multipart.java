package dev.testlet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578): text fields and files, each with its own headers.
 * The boundary is random and checked not to occur in any part.
 *
 * <pre>{@code
 * Multipart.Encoded m = Multipart.encode(List.of(
 *     Multipart.Part.field("title", "Holiday"),
 *     Multipart.Part.file("photo", "beach.png", png, "image/png")));
 * m.contentType();   // "multipart/form-data; boundary=testlet-5f1c..."
 * }</pre>
 */
public final class Multipart {

    private Multipart() {}

    /**
     * One part.
     *
     * @param name the form field name
     * @param filename the file name, or null for a text field
     * @param content the bytes
     * @param contentType the part's content type
     */
    public record Part(String name, @Nullable String filename, byte[] content, String contentType) {

        /**
         * A text field, sent as UTF-8.
         *
         * @param name the field name
         * @param value the text
         * @return the part
         */
        public static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
        }

        /**
         * A file.
         *
         * @param name the field name
         * @param filename the file name the server sees
         * @param content the bytes
         * @param contentType the file's content type
         * @return the part
         */
        public static Part file(String name, String filename, byte[] content, String contentType) {
            return new Part(name, filename, content.clone(), contentType);
        }
    }

    /**
     * The encoded body and the content type that names its boundary.
     *
     * @param contentType {@code multipart/form-data; boundary=...}
     * @param body the bytes
     */
    public record Encoded(String contentType, byte[] body) {}

    /**
     * Encodes parts.
     *
     * @param parts the parts, in order
     * @return the body and its content type
     */
    public static Encoded encode(List<Part> parts) {
        String boundary;
        do {
            boundary = "testlet-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
        } while (occursIn(boundary, parts));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            write(out, "--" + boundary + "\r\n");
            write(out, "Content-Disposition: form-data; name=\"" + quote(p.name()) + "\""
                    + (p.filename() == null ? "" : "; filename=\"" + quote(p.filename()) + "\"") + "\r\n");
            write(out, "Content-Type: " + p.contentType() + "\r\n\r\n");
            out.writeBytes(p.content());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return new Encoded("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static boolean occursIn(String boundary, List<Part> parts) {
        byte[] b = boundary.getBytes(StandardCharsets.US_ASCII);
        for (Part p : parts) {
            byte[] c = p.content();
            outer:
            for (int i = 0; i + b.length <= c.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    if (c[i + j] != b[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
