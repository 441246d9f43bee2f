package dev.testlet.engine.spi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a body is text, in which charset, and how to show it in a few lines.
 *
 * <pre>{@code
 * BodyText.charset("text/plain; charset=ISO-8859-1")   // ISO-8859-1
 * BodyText.charset("application/json")                 // UTF-8 (RFC 8259)
 * BodyText.preview(bytes, "image/png")                 // "<2,048 bytes of binary data: 89 50 4e 47 ...>"
 * }</pre>
 */
public final class BodyText {

    /** How many characters of a body a preview shows before cutting it. */
    public static final int PREVIEW_LIMIT = 4_000;

    private BodyText() {}

    /**
     * The charset named by a content type; UTF-8 for JSON and when none is named, and when the one
     * named is unknown to this JVM ({@link #charsetProblem} says so, for the report).
     *
     * @param contentType the Content-Type value, or null
     * @return the charset to decode with
     */
    public static Charset charset(@Nullable String contentType) {
        String name = charsetName(contentType);
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        // No charset named: RFC 9110 dropped HTTP/1.0's ISO-8859-1 default for text/*, and JSON is
        // always UTF-8 (RFC 8259), so UTF-8 is the honest default.
        return StandardCharsets.UTF_8;
    }

    /**
     * What is wrong with the charset a content type names, for the report: null when it names none,
     * or one this JVM decodes.
     *
     * <pre>{@code
     * BodyText.charsetProblem("text/plain; charset=klingon")
     * // "the Content-Type names the charset \"klingon\", which this JVM does not support; the text was decoded as UTF-8 instead"
     * }</pre>
     *
     * @param contentType the Content-Type value, or null
     * @return the problem, or null
     */
    public static @Nullable String charsetProblem(@Nullable String contentType) {
        String name = charsetName(contentType);
        if (name == null) {
            return null;
        }
        String why;
        try {
            Charset.forName(name);
            return null;
        } catch (IllegalCharsetNameException e) {
            why = "which is not a valid charset name";
        } catch (UnsupportedCharsetException e) {
            why = "which this JVM does not support";
        }
        return "the Content-Type names the charset \"" + name + "\", " + why + "; the text was decoded as UTF-8 instead";
    }

    /** The charset parameter of a non-JSON content type, unquoted, or null. */
    private static @Nullable String charsetName(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0 || isJson(lower)) {
            return null;
        }
        String name = contentType.substring(at + 8).trim();
        int end = name.indexOf(';');
        if (end >= 0) {
            name = name.substring(0, end).trim();
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }

    /**
     * Whether a content type is JSON ({@code application/json} or any {@code +json} type).
     *
     * @param contentType the Content-Type value, or null
     * @return true for JSON
     */
    public static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int semi = lower.indexOf(';');
        String type = (semi < 0 ? lower : lower.substring(0, semi)).trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    /**
     * Decodes a body when it is text: a textual content type, or no content type and bytes that
     * decode cleanly as UTF-8.
     *
     * @param body the bytes
     * @param contentType the Content-Type value, or null
     * @return the text, or null when the body is binary
     */
    public static @Nullable String decodeIfText(byte[] body, @Nullable String contentType) {
        if (contentType != null && !isTextual(contentType)) {
            return null;
        }
        Charset cs = charset(contentType);
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(body));
            if (contentType == null && hasControlCharacters(chars)) {
                return null;
            }
            return chars.toString();
        } catch (CharacterCodingException e) {
            return contentType == null ? null : new String(body, cs);
        }
    }

    /**
     * A printable preview of a body: its text cut at {@link #PREVIEW_LIMIT} characters with a note,
     * or a short hex summary of binary data.
     *
     * @param body the bytes
     * @param contentType the Content-Type value, or null
     * @return the preview
     */
    public static String preview(byte[] body, @Nullable String contentType) {
        String text = decodeIfText(body, contentType);
        if (text == null) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(16, body.length); i++) {
                hex.append(String.format(Locale.ROOT, "%02x ", body[i] & 0xff));
            }
            return String.format(Locale.ROOT, "<%,d bytes of binary data: %s%s>", body.length, hex,
                    body.length > 16 ? "..." : "").replace(" >", ">");
        }
        return cut(text);
    }

    /**
     * Cuts a text at {@link #PREVIEW_LIMIT} characters and says how much was left out.
     *
     * @param text the text
     * @return the text, or its beginning and a note
     */
    public static String cut(String text) {
        if (text.length() <= PREVIEW_LIMIT) {
            return text;
        }
        return text.substring(0, PREVIEW_LIMIT) + String.format(Locale.ROOT,
                "%n... (%,d more characters not shown; read response.text() for the whole body)",
                text.length() - PREVIEW_LIMIT);
    }

    private static boolean isTextual(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        return lower.startsWith("text/") || isJson(lower) || lower.contains("xml")
                || lower.startsWith("application/x-www-form-urlencoded")
                || lower.startsWith("application/javascript")
                || lower.startsWith("application/problem");
    }

    private static boolean hasControlCharacters(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < ' ' && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }
}
