package dev.testlet.internal.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The text of a snapshot file: a short preamble, then the entries sorted by name, each starting with
 * a header line {@code ═══ name}, then the line {@code ═══} that ends the file.
 *
 * <pre>
 * Testlet snapshots of com.example.ItemsTest, written by expectSnapshot().
 * Rewrite them with -Dtestlet.snapshots=update; review the diff before committing.
 *
 * ═══ creates_an_item
 * POST /items
 * 201 Created
 *
 * {
 *   "name": "pen"
 * }
 *
 * ═══ lists_items[2]
 * ...
 *
 * ═══
 * </pre>
 *
 * The content is exact: every content line is written as it is and followed by a line feed, and one
 * blank line separates an entry from the next header. A content line that could be mistaken for a
 * header (it starts with {@code ═}, possibly after backslashes) gets one more backslash in front,
 * which reading removes; nothing else is escaped, so a snapshot reads and diffs like the response it
 * shows. In a name, {@code \}, control characters and trailing spaces are escaped
 * ({@code \\}, {@code \n}, {@code \u0020}...). A file whose lines were turned into CRLF (by git on
 * Windows) reads the same. Stateless; thread-safe.
 */
final class SnapshotFormat {

    /** The first character of a header or end line. */
    static final char MARK = '═';

    /** What a header line starts with, before the name. */
    static final String HEADER = "═══ ";

    /** The line that ends the file. */
    static final String END = "═══";

    private SnapshotFormat() {}

    /** The text of a file holding these entries, sorted by name. */
    static String print(String title, SortedMap<String, String> entries) {
        StringBuilder out = new StringBuilder();
        out.append("Testlet snapshots of ").append(title).append(", written by expectSnapshot().\n");
        out.append("Rewrite them with -Dtestlet.snapshots=update; review the diff before committing.\n");
        for (Map.Entry<String, String> e : entries.entrySet()) {
            out.append('\n').append(HEADER).append(escapeName(e.getKey())).append('\n');
            for (String line : e.getValue().split("\n", -1)) {
                out.append(stuff(line)).append('\n');
            }
        }
        out.append('\n').append(END).append('\n');
        return out.toString();
    }

    /**
     * The entries of a file's text.
     *
     * @param where the file, for error messages
     * @throws IllegalStateException naming the line and what was wrong with it
     */
    static SortedMap<String, String> parse(String text, String where) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        boolean crlf = lines.stream().anyMatch(l -> l.equals(END + "\r"));
        SortedMap<String, String> entries = new TreeMap<>();
        String name = null;
        int nameLine = 0;
        List<String> content = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = crlf && lines.get(i).endsWith("\r") ? lines.get(i).substring(0, lines.get(i).length() - 1)
                    : lines.get(i);
            if (line.isEmpty() || line.charAt(0) != MARK) {
                if (name != null) {
                    content.add(unstuff(line));
                }
                continue;
            }
            if (name != null) {
                add(entries, name, content, where, nameLine);
            }
            content.clear();
            if (line.equals(END)) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (!lines.get(j).strip().isEmpty()) {
                        throw error(where, j + 1, "there is text after the end line '" + END + "'");
                    }
                }
                return entries;
            }
            if (!line.startsWith(HEADER) || line.length() == HEADER.length()) {
                throw error(where, i + 1, "a line starting with '" + MARK + "' must be a header '" + HEADER
                        + "name' or the end line '" + END + "', but was '" + line + "'");
            }
            name = unescapeName(line.substring(HEADER.length()), where, i + 1);
            nameLine = i + 1;
        }
        throw error(where, lines.size(), "the file does not end with the line '" + END
                + "' (was it cut short or merged badly?)");
    }

    private static void add(SortedMap<String, String> entries, String name, List<String> content, String where,
            int headerLine) {
        List<String> lines = new ArrayList<>(content);
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        if (entries.put(name, String.join("\n", lines)) != null) {
            throw error(where, headerLine, "the snapshot '" + name + "' appears twice");
        }
    }

    private static IllegalStateException error(String where, int line, String what) {
        return new IllegalStateException("cannot read the snapshot file " + where + ": line " + line + ": " + what
                + "; fix it by hand (it is plain text), or delete it and run the tests to write it again");
    }

    /** A content line as written: one more backslash in front when it could read as a header. */
    static String stuff(String line) {
        return looksMarked(line) ? "\\" + line : line;
    }

    private static String unstuff(String line) {
        return looksMarked(line) && line.charAt(0) == '\\' ? line.substring(1) : line;
    }

    /** Whether a line is zero or more backslashes and then the mark. */
    private static boolean looksMarked(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '\\') {
            i++;
        }
        return i < line.length() && line.charAt(i) == MARK;
    }

    static String escapeName(String name) {
        int keep = name.length();
        while (keep > 0 && name.charAt(keep - 1) == ' ') {
            keep--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c == ' ' && i >= keep) || Character.isSurrogate(c)
                            && !validPair(name, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    static String unescapeName(String escaped, String where, int line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < escaped.length() ? escaped.charAt(i + 1) : 0;
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 6 > escaped.length()) {
                        throw error(where, line, "'\\u' in a snapshot name needs four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
                    } catch (NumberFormatException e) {
                        throw error(where, line, "'\\u' in a snapshot name needs four hex digits");
                    }
                    i += 4;
                }
                default -> throw error(where, line, "'\\" + (next == 0 ? "" : String.valueOf(next))
                        + "' is not an escape in a snapshot name (use \\\\ for a backslash)");
            }
            i++;
        }
        return out.toString();
    }
}
