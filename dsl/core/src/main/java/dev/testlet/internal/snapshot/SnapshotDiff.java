package dev.testlet.internal.snapshot;

import dev.testlet.internal.Facts;
import dev.testlet.internal.json.CanonicalJson;
import dev.testlet.internal.json.JsonRules;
import dev.testlet.internal.json.JsonComparisonResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The short, field-level summary of how a rendering differs from its snapshot, as labelled facts.
 *
 * <pre>
 * status  : 200 OK -&gt; 201 Created
 * headers : changed Location: /items/3 -&gt; /items/4
 *           added   X-Trace: 1
 * body    : changed /price: 1.5 -&gt; 2
 *           removed /total: 3
 * </pre>
 *
 * For a response: the request and status lines, headers by name, and the body by JSON pointer when
 * both sides are JSON (otherwise the first differing line). For events and WebSocket conversations:
 * the count, then each differing event or message by number. Each fact shows at most
 * {@value #MAX_LINES} lines and then "... and N more". Stateless; thread-safe.
 */
final class SnapshotDiff {

    /** How many lines one fact shows. */
    static final int MAX_LINES = 10;

    private static final int SHOWN = 80;

    private SnapshotDiff() {}

    /**
     * Adds the facts that say how {@code actual} differs from {@code expected}.
     *
     * @return whether any fact was added (none when the texts differ only where no part is compared)
     */
    static boolean summarize(Rendering.Kind kind, String expected, String actual, CanonicalJson json, Facts into) {
        return kind == Rendering.Kind.RESPONSE ? response(expected, actual, json, into)
                : blocks(kind == Rendering.Kind.EVENTS ? "events" : "messages", expected, actual, json, into);
    }

    private static boolean response(String expected, String actual, CanonicalJson json, Facts into) {
        boolean added = false;
        String[] e = splitHead(expected);
        String[] a = splitHead(actual);
        List<String> eHead = List.of(e[0].split("\n", -1));
        List<String> aHead = List.of(a[0].split("\n", -1));
        String eRequest = eHead.get(0);
        String aRequest = aHead.get(0);
        if (!eRequest.equals(aRequest)) {
            into.and("request", eRequest + " -> " + aRequest);
            added = true;
        }
        String eStatus = eHead.size() > 1 ? eHead.get(1) : "";
        String aStatus = aHead.size() > 1 ? aHead.get(1) : "";
        if (!eStatus.equals(aStatus)) {
            into.and("status", eStatus + " -> " + aStatus);
            added = true;
        }
        List<String> headers = headers(eHead.subList(Math.min(2, eHead.size()), eHead.size()),
                aHead.subList(Math.min(2, aHead.size()), aHead.size()));
        if (!headers.isEmpty()) {
            into.and("headers", capped(headers));
            added = true;
        }
        String body = body(e[1], a[1], json);
        if (body != null) {
            into.and("body", body);
            added = true;
        }
        return added;
    }

    /** Head and body (null when there is none) of a response rendering. */
    private static @Nullable String[] splitHead(String text) {
        int blank = text.indexOf("\n\n");
        return blank < 0 ? new String[] {text, null} : new String[] {text.substring(0, blank), text.substring(blank + 2)};
    }

    private static List<String> headers(List<String> expected, List<String> actual) {
        Map<String, List<String>> e = byName(expected);
        Map<String, List<String>> a = byName(actual);
        TreeMap<String, Boolean> names = new TreeMap<>();
        e.keySet().forEach(n -> names.put(n, true));
        a.keySet().forEach(n -> names.put(n, true));
        List<String[]> rows = new ArrayList<>();
        for (String lower : names.keySet()) {
            List<String> ev = e.get(lower);
            List<String> av = a.get(lower);
            if (ev == null) {
                rows.add(new String[] {"added", join(av)});
            } else if (av == null) {
                rows.add(new String[] {"removed", join(ev)});
            } else if (!ev.equals(av)) {
                rows.add(new String[] {"changed", join(ev) + " -> " + valuesOnly(av)});
            }
        }
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(r[0] + " ".repeat(width - r[0].length()) + " " + r[1]));
        return lines;
    }

    private static Map<String, List<String>> byName(List<String> lines) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(": ");
            String name = colon < 0 ? line : line.substring(0, colon);
            out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    private static String join(List<String> lines) {
        return cut(String.join(" | ", lines));
    }

    private static String valuesOnly(List<String> lines) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(": ");
            values.add(colon < 0 ? line : line.substring(colon + 2));
        }
        return cut(String.join(" | ", values));
    }

    private static @Nullable String body(@Nullable String expected, @Nullable String actual, CanonicalJson json) {
        if (expected == null && actual == null || expected != null && expected.equals(actual)) {
            return null;
        }
        if (expected == null) {
            return "added (" + actual.length() + " characters, there was none)";
        }
        if (actual == null) {
            return "removed (there is none now, there were " + expected.length() + " characters)";
        }
        return contentDifference(expected, actual, json, "");
    }

    /** JSON differences when both sides are JSON, else the first differing line; lines prefixed. */
    private static String contentDifference(String expected, String actual, CanonicalJson json, String prefix) {
        JsonNode e = json.parse(expected);
        JsonNode a = json.parse(actual);
        if (e != null && a != null && (e.isContainer() || a.isContainer())) {
            JsonComparisonResult r = JsonRules.strict().compare(e, a);
            if (!r.matches()) {
                List<String> lines = new ArrayList<>();
                for (String line : r.summary(MAX_LINES).split("\n")) {
                    lines.add(prefix + line);
                }
                return String.join("\n", lines);
            }
        }
        return prefix + firstDifference(expected, actual);
    }

    /** "line 3: "old" -> "new"", comparing line by line. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) {
            i++;
        }
        return "line " + (i + 1) + ": " + (i < e.length ? quoted(e[i]) : "(end)") + " -> "
                + (i < a.length ? quoted(a[i]) : "(end)");
    }

    private record Block(String header, String content) {}

    private static boolean blocks(String noun, String expected, String actual, CanonicalJson json, Facts into) {
        List<Block> e = parseBlocks(expected);
        List<Block> a = parseBlocks(actual);
        List<String> lines = new ArrayList<>();
        if (e.size() != a.size()) {
            into.and(noun, a.size() + ", expected " + e.size());
        }
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String n = "#" + (i + 1) + " ";
            if (i >= a.size()) {
                lines.add(n + "missing: " + cut(e.get(i).header()));
            } else if (i >= e.size()) {
                lines.add(n + "added: " + cut(a.get(i).header()));
            } else {
                Block eb = e.get(i);
                Block ab = a.get(i);
                if (!eb.header().equals(ab.header())) {
                    lines.add(n + cut(eb.header()) + " -> " + cut(ab.header()));
                }
                if (!eb.content().equals(ab.content())) {
                    lines.addAll(List.of(contentDifference(eb.content(), ab.content(), json, n).split("\n")));
                }
            }
        }
        if (!lines.isEmpty()) {
            into.and("differences", capped(lines));
        }
        return e.size() != a.size() || !lines.isEmpty();
    }

    private static List<Block> parseBlocks(String text) {
        List<Block> blocks = new ArrayList<>();
        String header = null;
        List<String> content = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                if (header != null) {
                    blocks.add(new Block(header, String.join("\n", content)));
                }
                int space = line.indexOf(' ');
                header = space < 0 ? "" : line.substring(space + 1);
                content.clear();
            } else if (header != null) {
                content.add(line.startsWith("  ") ? line.substring(2) : line);
            }
        }
        if (header != null) {
            blocks.add(new Block(header, String.join("\n", content)));
        }
        return blocks;
    }

    private static String capped(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, MAX_LINES)) + "\n... and " + (lines.size() - MAX_LINES) + " more";
    }

    private static String quoted(String line) {
        StringBuilder out = new StringBuilder();
        CanonicalJson.string(line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...", out);
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }
}
