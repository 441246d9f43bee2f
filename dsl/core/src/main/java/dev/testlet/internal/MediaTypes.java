package dev.testlet.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Content type comparison as {@code expectContentType} does it: without parameters only the media
 * type is compared ({@code "text/event-stream"} matches {@code text/event-stream;charset=utf-8});
 * with parameters, all of them are, ignoring case and spaces.
 *
 * <pre>{@code
 * MediaTypes.matches("text/event-stream", "text/event-stream;charset=UTF-8")   // true
 * MediaTypes.mediaType("Text/Plain; charset=UTF-8")                            // "text/plain"
 * }</pre>
 */
public final class MediaTypes {

    private MediaTypes() {}

    /**
     * Whether an actual Content-Type satisfies an expected one.
     *
     * @param expected the expected type, with or without parameters
     * @param actual the header value, or null when there was none
     * @return true when it matches
     */
    public static boolean matches(String expected, @Nullable String actual) {
        return actual != null && (expected.contains(";")
                ? normalize(actual).equals(normalize(expected))
                : mediaType(actual).equals(mediaType(expected)));
    }

    /**
     * The media type of a Content-Type value, lower case, without parameters.
     *
     * @param contentType the header value
     * @return the type and subtype
     */
    public static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String normalize(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    }
}
