package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Checks the key facts of a Testlet failure without pinning its whole text (the exact text is
 * tested once, in the formatter's own tests), so a wording change breaks one test, not fifty.
 */
public final class Failures {

    private final AssertionError error;
    private final Map<String, String> facts = new LinkedHashMap<>();

    private Failures(AssertionError error) {
        this.error = error;
        String message = error.getMessage();
        String head = message.contains("\n\n") ? message.substring(0, message.indexOf("\n\n")) : message;
        String lastKey = null;
        for (String line : head.split("\n")) {
            int colon = line.indexOf(" : ");
            if (colon > 0 && !line.startsWith(" ")) {
                lastKey = line.substring(0, colon).strip();
                facts.put(lastKey, line.substring(colon + 3));
            } else if (lastKey != null) {
                facts.put(lastKey, facts.get(lastKey) + "\n" + line.strip());
            }
        }
    }

    /** Runs code that must fail with a Testlet AssertionError and returns the failure to inspect. */
    public static Failures expectFailure(ThrowingCallable code) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(code);
        assertThat(thrown).as("expected a Testlet failure").isInstanceOf(AssertionError.class);
        return new Failures((AssertionError) thrown);
    }

    /** Asserts a fact is present with exactly this value. */
    public Failures hasFact(String key, String value) {
        assertThat(facts).as("facts of:\n%s", error.getMessage()).containsEntry(key, value);
        return this;
    }

    /** Asserts a fact is present and its value contains this text. */
    public Failures hasFactContaining(String key, String part) {
        assertThat(facts).as("facts of:\n%s", error.getMessage()).containsKey(key);
        assertThat(facts.get(key)).as("fact '%s' of:\n%s", key, error.getMessage()).contains(part);
        return this;
    }

    /** Asserts the message (facts and context) contains a text. */
    public Failures mentions(String part) {
        assertThat(error.getMessage()).contains(part);
        return this;
    }

    /** Asserts the message does not contain a text. */
    public Failures doesNotMention(String part) {
        assertThat(error.getMessage()).doesNotContain(part);
        return this;
    }

    public AssertionError error() {
        return error;
    }
}
