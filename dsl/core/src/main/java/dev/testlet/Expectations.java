package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.internal.SetCookie;
import dev.testlet.internal.json.CanonicalJson;
import dev.testlet.internal.json.JsonComparisonResult;
import dev.testlet.internal.json.JsonMismatch;
import dev.testlet.internal.json.JsonRules;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Json;
import dev.testlet.internal.MediaTypes;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Testlet's checks, written once: each compares what a test expects with what came and returns null
 * when it holds, or the {@link Mismatch} to report. {@link Response}, {@link EventStream},
 * {@link StreamingResponse} and {@link WebSocketSession} all check through here, so a check reads the
 * same, converts the same and fails with the same words on every type; they differ only in what they
 * check (a body, the next event, the next message) and in the context a failure shows.
 */
final class Expectations {

    /**
     * What did not match: the facts, and expected and actual values for an IDE diff (when the check
     * has two values to compare).
     */
    record Mismatch(Facts facts, boolean withValues, @Nullable Object expected, @Nullable Object actual) {

        static Mismatch of(Facts facts) {
            return new Mismatch(facts, false, null, null);
        }

        static Mismatch of(Facts facts, @Nullable Object expected, @Nullable Object actual) {
            return new Mismatch(facts, true, expected, actual);
        }
    }

    private Expectations() {}

    // ---------------------------------------------------------------- status line and headers

    static @Nullable Mismatch status(int expected, int actual, String statusLine) {
        return actual == expected ? null
                : Mismatch.of(Facts.of("expected status", expected).and("but was", statusLine), expected, actual);
    }

    static @Nullable Mismatch header(Headers headers, String name, String expected) {
        List<String> values = headers.all(name);
        return values.contains(expected) ? null
                : Mismatch.of(Facts.of("expected header " + name, expected).and("but", describe(name, values)),
                        expected, values.isEmpty() ? null : String.join(", ", values));
    }

    static @Nullable Mismatch headerMatching(Headers headers, String name, String description, Predicate<String> predicate) {
        List<String> values = headers.all(name);
        return values.stream().anyMatch(predicate) ? null
                : Mismatch.of(Facts.of("expected header " + name, description).and("but", describe(name, values)));
    }

    static @Nullable Mismatch noHeader(Headers headers, String name) {
        List<String> values = headers.all(name);
        return values.isEmpty() ? null
                : Mismatch.of(Facts.of("expected", "no " + name + " header").and("but was", String.join(", ", values)));
    }

    static @Nullable Mismatch contentType(Headers headers, String expected) {
        String actual = headers.first("Content-Type");
        return MediaTypes.matches(expected, actual) ? null
                : Mismatch.of(Facts.of("expected content type", expected)
                        .and("but was", actual == null ? "no Content-Type header" : actual), expected, actual);
    }

    static @Nullable Mismatch cookie(Headers headers, String name, String expected) {
        String actual = cookie(headers, name);
        if (expected.equals(actual)) {
            return null;
        }
        List<String> set = headers.all("Set-Cookie").stream().map(SetCookie::nameAndValue)
                .filter(java.util.Objects::nonNull).map(java.util.Map.Entry::getKey).toList();
        return Mismatch.of(Facts.of("expected cookie " + name, expected)
                .and("but", actual == null
                        ? (set.isEmpty() ? "the response sets no cookies" : "the response sets only " + set)
                        : "it was set to " + actual), expected, actual);
    }

    /** The value the last {@code Set-Cookie} for a name sets, or null. */
    static @Nullable String cookie(Headers headers, String name) {
        String value = null;
        for (String header : headers.all("Set-Cookie")) {
            var pair = SetCookie.nameAndValue(header);
            if (pair != null && pair.getKey().equals(name)) {
                value = pair.getValue();
            }
        }
        return value;
    }

    /** "there is no X header", or "it was a, b". */
    static String describe(String name, List<String> values) {
        return values.isEmpty() ? "there is no " + name + " header" : "it was " + String.join(", ", values);
    }

    // ---------------------------------------------------------------- text

    /**
     * A text that must equal the expected one.
     *
     * @param what what the text is: "body", "the next line", "the next event's data"
     * @param expectedShown how to print the expected text (quoted, or as an event is described)
     * @param actualShown how to print what came
     */
    static @Nullable Mismatch text(String what, String expected, String actual, String expectedShown, String actualShown) {
        return actual.equals(expected) ? null
                : Mismatch.of(Facts.of("expected " + what, expectedShown).and("but was", actualShown), expected, actual);
    }

    /** A text that must contain the expected part. */
    static @Nullable Mismatch contains(String what, String expected, String actual, String shown) {
        return actual.contains(expected) ? null
                : Mismatch.of(Facts.of("expected " + what + " containing", quote(expected)).and("but was", shown));
    }

    /** A text that must satisfy a predicate. */
    static @Nullable Mismatch matching(String what, String description, Predicate<String> predicate, String actual,
            String shown) {
        return predicate.test(actual) ? null
                : Mismatch.of(Facts.of("expected " + what, description).and("but was", shown));
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    // ---------------------------------------------------------------- JSON

    /**
     * The JSON value at a pointer must equal the expected one, compared as JSON (3, 3L and 3.0 are
     * equal; lists, maps, records and {@code JsonNode}s are converted with the client's mapper).
     *
     * @param of what the document is, as a suffix: "" for a response body, " of the next event"
     */
    static @Nullable Mismatch json(ObjectMapper mapper, JsonNode root, String pointer, @Nullable Object expected, String of) {
        JsonPointer p = Json.pointer(pointer);
        JsonNode expectedNode = Json.toTree(mapper, expected);
        JsonNode actual = root.at(p);
        String label = "expected JSON at " + where(pointer) + of;
        if (actual.isMissingNode()) {
            return Mismatch.of(Facts.of(label, Json.compact(expectedNode))
                    .and("but", "there is no value there: " + Json.describeMissing(root, p)));
        }
        if (Json.same(expectedNode, actual)) {
            return null;
        }
        if (expectedNode.isContainer() && actual.isContainer()) {
            return document(mapper, expectedNode, actual, pointer, JsonRules.strict(), of);
        }
        Facts facts = Facts.of(label, Json.compact(expectedNode)).and("but was", Json.compact(actual));
        if (!expectedNode.getNodeType().equals(actual.getNodeType())) {
            facts.and("note", "expected " + Json.kind(expectedNode) + ", found " + Json.kind(actual));
        }
        return Mismatch.of(facts, Json.pretty(expectedNode), Json.pretty(actual));
    }

    /**
     * The JSON value at a pointer, compared with the expected one by the given rules (strict, or
     * lenient about extra members and array order); a mismatch lists every difference by pointer.
     */
    static @Nullable Mismatch json(ObjectMapper mapper, JsonNode root, String pointer, @Nullable Object expected,
            JsonRules rules, String of) {
        JsonPointer p = Json.pointer(pointer);
        JsonNode expectedNode = Json.toTree(mapper, expected);
        JsonNode actual = root.at(p);
        if (actual.isMissingNode()) {
            return Mismatch.of(Facts.of("expected JSON at " + where(pointer) + of, Json.compact(expectedNode))
                    .and("but", "there is no value there: " + Json.describeMissing(root, p)));
        }
        return document(mapper, expectedNode, actual, pointer, rules, of);
    }

    /** Two documents (or subtrees) compared by rules, every difference listed by pointer. */
    private static @Nullable Mismatch document(ObjectMapper mapper, JsonNode expected, JsonNode actual, String pointer,
            JsonRules rules, String of) {
        JsonComparisonResult result = rules.compare(expected, actual, pointer);
        if (result.matches()) {
            return null;
        }
        CanonicalJson canonical = new CanonicalJson(mapper);
        String what = pointer.isEmpty() ? "the JSON" : "the JSON at " + pointer;
        return Mismatch.of(Facts.of("expected", what + of + " to match, " + rules.describe())
                        .and("differences", result.total() + "\n" + result.summary(JsonMismatch.SHOWN)),
                canonical.pretty(result.expected()), canonical.pretty(result.alignedActual()));
    }

    /** The JSON value at a pointer must exist and satisfy a predicate. */
    static @Nullable Mismatch jsonMatching(JsonNode root, String pointer, String description, Predicate<JsonNode> predicate,
            String of) {
        JsonPointer p = Json.pointer(pointer);
        JsonNode actual = root.at(p);
        String label = "expected JSON at " + where(pointer) + of;
        if (actual.isMissingNode()) {
            return Mismatch.of(Facts.of(label, description).and("but", "there is no value there: "
                    + Json.describeMissing(root, p)));
        }
        return predicate.test(actual) ? null : Mismatch.of(Facts.of(label, description).and("but was", Json.compact(actual)));
    }

    /** "the root" or the pointer. */
    static String where(String pointer) {
        return pointer.isEmpty() ? "the root" : pointer;
    }
}
