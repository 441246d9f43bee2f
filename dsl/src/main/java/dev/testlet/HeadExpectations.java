package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.internal.Facts;
import dev.testlet.internal.MediaTypes;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The checks on a response's status line and headers, for finished responses and live streams alike:
 * each returns null when the check holds, or what to report.
 */
final class HeadExpectations {

    /** What did not match: the facts, and expected and actual values for an IDE diff. */
    record Mismatch(Facts facts, @Nullable Object expected, @Nullable Object actual) {}

    private HeadExpectations() {}

    static @Nullable Mismatch status(int expected, int actual, String statusLine) {
        return actual == expected ? null
                : new Mismatch(Facts.of("expected status", expected).and("but was", statusLine), expected, actual);
    }

    static @Nullable Mismatch header(Headers headers, String name, String expected) {
        List<String> values = headers.all(name);
        return values.contains(expected) ? null
                : new Mismatch(Facts.of("expected header " + name, expected).and("but", describe(name, values)),
                        expected, values.isEmpty() ? null : String.join(", ", values));
    }

    static @Nullable Mismatch contentType(Headers headers, String expected) {
        String actual = headers.first("Content-Type");
        return MediaTypes.matches(expected, actual) ? null
                : new Mismatch(Facts.of("expected content type", expected)
                        .and("but was", actual == null ? "no Content-Type header" : actual), expected, actual);
    }

    /** "there is no X header", or "it was a, b". */
    static String describe(String name, List<String> values) {
        return values.isEmpty() ? "there is no " + name + " header" : "it was " + String.join(", ", values);
    }
}
