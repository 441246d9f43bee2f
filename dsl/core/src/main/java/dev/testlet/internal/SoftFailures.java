package dev.testlet.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * The failed expectations of one {@code softly} block, collected instead of thrown, then reported
 * together: every failure's facts, numbered, and each exchange they are about printed once.
 *
 * <pre>
 * 2 expectations failed:
 *
 * 1) expected status : 201
 *    but was         : 200 OK
 *    request         : POST /items
 *
 * 2) expected JSON at /name : "pen"
 *    ...
 *
 * --- request ---
 * ...
 * </pre>
 *
 * <p>Confined to the thread running the block.
 */
public final class SoftFailures {

    /** One failed expectation: what was expected and found, and the exchange it is about. */
    private record Failure(String facts, @Nullable String context) {}

    private final List<Failure> failures = new ArrayList<>();

    /**
     * Records a failed expectation.
     *
     * @param facts what was expected and found
     * @param context the exchange or transcript it is about, or null
     */
    public void add(Facts facts, @Nullable String context) {
        failures.add(new Failure(facts.render(), context));
    }

    /**
     * Records a failure that came as a whole message (a snapshot mismatch).
     *
     * @param message its message
     */
    public void add(String message) {
        failures.add(new Failure(message, null));
    }

    /**
     * Whether nothing failed.
     *
     * @return true when no expectation failed
     */
    public boolean isEmpty() {
        return failures.isEmpty();
    }

    /** What ended the block, as a failure; its exchange is split off when it is one printed already. */
    private Failure ending(Throwable thrown) {
        String message = thrown.getMessage() == null ? thrown.toString() : thrown.getMessage();
        if (!(thrown instanceof AssertionError)) {
            return new Failure("the block threw " + thrown.getClass().getName() + ":\n" + message, null);
        }
        for (Failure earlier : failures) {
            String context = earlier.context();
            if (context != null && !context.isEmpty() && message.endsWith(context)) {
                return new Failure(message.substring(0, message.length() - context.length()).stripTrailing(), context);
            }
        }
        return new Failure(message, null);
    }

    /**
     * The one failure that reports them all.
     *
     * @param thrown what ended the block early (it is reported last, and becomes the cause), or null
     * @return the error to throw
     */
    public AssertionFailedError report(@Nullable Throwable thrown) {
        List<Failure> all = new ArrayList<>(failures);
        if (thrown != null) {
            all.add(ending(thrown));
        }
        Map<String, List<Integer>> contexts = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        out.append(all.size()).append(all.size() == 1 ? " expectation failed" : " expectations failed")
                .append(thrown == null ? "" : " (the last one ended the block)").append(":\n");
        for (int i = 0; i < all.size(); i++) {
            Failure f = all.get(i);
            String number = (i + 1) + ") ";
            out.append('\n').append(number).append(f.facts().replace("\n", "\n" + " ".repeat(number.length()))).append('\n');
            if (f.context() != null && !f.context().isEmpty()) {
                contexts.computeIfAbsent(f.context(), c -> new ArrayList<>()).add(i + 1);
            }
        }
        for (Map.Entry<String, List<Integer>> context : contexts.entrySet()) {
            if (contexts.size() > 1) {
                out.append("\n=== the exchange of ").append(context.getValue().size() == 1 ? "failure " : "failures ")
                        .append(String.join(", ", context.getValue().stream().map(String::valueOf).toList()))
                        .append(" ===");
            }
            out.append('\n').append(context.getKey());
        }
        AssertionFailedError error = new AssertionFailedError(out.toString().stripTrailing());
        if (thrown != null) {
            error.initCause(thrown);
        }
        return error;
    }
}
