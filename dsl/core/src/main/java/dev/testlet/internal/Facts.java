package dev.testlet.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled facts, aligned on their colons, as every Testlet failure starts:
 *
 * <pre>
 * expected status : 200
 * but was         : 500 Server Error
 * request         : GET /items
 * </pre>
 *
 * A value that spans lines continues under its own column.
 */
public final class Facts {

    private final List<String[]> facts;

    private Facts(List<String[]> facts) {
        this.facts = facts;
    }

    /**
     * The first fact.
     *
     * @param key the label
     * @param value the value, printed with {@code String.valueOf}
     * @return the facts
     */
    public static Facts of(String key, Object value) {
        return new Facts(new ArrayList<>()).and(key, value);
    }

    /**
     * One more fact.
     *
     * @param key the label
     * @param value the value, printed with {@code String.valueOf}
     * @return these facts, for chaining
     */
    public Facts and(String key, Object value) {
        facts.add(new String[] {key, String.valueOf(value)});
        return this;
    }

    /**
     * The facts, one per line, keys padded to the longest.
     *
     * @return the text, without a trailing newline
     */
    public String render() {
        int width = 0;
        for (String[] fact : facts) {
            width = Math.max(width, fact[0].length());
        }
        String indent = " ".repeat(width + 3);
        StringBuilder out = new StringBuilder();
        for (String[] fact : facts) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(fact[0]).append(" ".repeat(width - fact[0].length())).append(" : ");
            out.append(fact[1].replace("\n", "\n" + indent));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
