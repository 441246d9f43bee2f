package dev.testlet.internal.snapshot;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entries of a test class's snapshot file that no test uses any more, found at the end of the
 * class (and removed in update mode).
 *
 * <p>An entry {@code m}, {@code m/2}, {@code m[3]} or {@code m[3]/after} belongs to method {@code m}
 * and invocation {@code m} or {@code m[3]}. It is unused when:
 * <ul>
 *   <li>the class (with its superclasses and interfaces) has no method {@code m} any more; or
 *   <li>its invocation ran in this run, passed, and did not take it; or
 *   <li>{@code m} ran and passed as a plain test while the entry has an invocation index, or as
 *       parameterized invocations while the entry has none (the test changed shape).
 * </ul>
 * A test that failed or was aborted keeps all its entries (it may have stopped before taking them),
 * and tests that did not run keep theirs, so running one method never reports the others.
 *
 * <pre>{@code
 * UnusedSnapshots unused = snapshots.finishClass(ItemsTest.class, invocations);
 * unused.report();
 * // 2 unused snapshots in src/test/java/com/example/__snapshots__/ItemsTest.snap:
 * //   old_test: its test method old_test() no longer exists in ItemsTest
 * //   creates_an_item/2: creates_an_item passed in this run without taking it
 * // Run the tests with -Dtestlet.snapshots=update to remove them.
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param shownPath the file, as messages name it
 * @param entries the unused entries with the reason for each
 * @param removed whether they were removed (update mode)
 * @param fileDeleted whether the file was deleted because no entry was left
 */
public record UnusedSnapshots(String shownPath, List<Unused> entries, boolean removed, boolean fileDeleted) {

    /**
     * One unused entry.
     *
     * @param name the entry name
     * @param reason why it is unused
     */
    public record Unused(String name, String reason) {}

    /**
     * Copies the list.
     *
     * @param shownPath the file
     * @param entries the entries
     * @param removed whether removed
     * @param fileDeleted whether the file was deleted
     */
    public UnusedSnapshots {
        entries = List.copyOf(entries);
    }

    static UnusedSnapshots find(Class<?> testClass, SnapshotFile file, Collection<SnapshotInvocation> invocations,
            boolean remove) {
        Set<String> methods = methodsOf(testClass);
        Map<String, Boolean> passedByKey = new HashMap<>();
        Map<String, Set<String>> producedByKey = new HashMap<>();
        Set<String> ranPlain = new HashSet<>();
        Set<String> ranIndexed = new HashSet<>();
        for (SnapshotInvocation inv : invocations) {
            passedByKey.merge(inv.key(), inv.passed(), Boolean::logicalAnd);
            producedByKey.computeIfAbsent(inv.key(), k -> new HashSet<>()).addAll(inv.produced());
            if (inv.passed()) {
                (inv.key().equals(inv.method()) ? ranPlain : ranIndexed).add(inv.method());
            }
        }
        List<Unused> unused = new ArrayList<>();
        for (String name : file.names()) {
            String key = keyOf(name);
            String method = methodOf(name);
            boolean indexed = !key.equals(method);
            if (!methods.contains(method)) {
                unused.add(new Unused(name, "its test method " + method + "() no longer exists in "
                        + testClass.getSimpleName()));
            } else if (Boolean.TRUE.equals(passedByKey.get(key)) && !producedByKey.get(key).contains(name)) {
                unused.add(new Unused(name, key + " passed in this run without taking it"));
            } else if (indexed && ranPlain.contains(method) && !ranIndexed.contains(method)) {
                unused.add(new Unused(name, method + " passed in this run as a plain test, not a parameterized one"));
            } else if (!indexed && ranIndexed.contains(method) && !ranPlain.contains(method)) {
                unused.add(new Unused(name, method + " passed in this run as a parameterized test"));
            }
        }
        boolean deleted = false;
        if (remove && !unused.isEmpty()) {
            deleted = file.remove(unused.stream().map(Unused::name).toList());
        }
        return new UnusedSnapshots(file.shownPath(), unused, remove && !unused.isEmpty(), deleted);
    }

    /** The method an entry belongs to: its name up to the first '[' or '/'. */
    static String methodOf(String entry) {
        int end = entry.length();
        int bracket = entry.indexOf('[');
        int slash = entry.indexOf('/');
        if (bracket >= 0) {
            end = bracket;
        }
        if (slash >= 0 && slash < end) {
            end = slash;
        }
        return entry.substring(0, end);
    }

    /** The invocation an entry belongs to: its name up to the first '/'. */
    static String keyOf(String entry) {
        int slash = entry.indexOf('/');
        return slash < 0 ? entry : entry.substring(0, slash);
    }

    private static Set<String> methodsOf(Class<?> type) {
        Set<String> names = new HashSet<>();
        List<Class<?>> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            Class<?> c = pending.removeLast();
            if (c == null || c == Object.class) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                names.add(m.getName());
            }
            pending.add(c.getSuperclass());
            pending.addAll(List.of(c.getInterfaces()));
        }
        return names;
    }

    /**
     * Whether nothing is unused.
     *
     * <pre>{@code unused.isEmpty()}</pre>
     *
     * @return true when no entry is unused
     */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The report for the user; empty when nothing is unused.
     *
     * <pre>{@code if (!unused.isEmpty()) System.err.println(unused.report());}</pre>
     *
     * @return the text, without a trailing newline
     */
    public String report() {
        if (entries.isEmpty()) {
            return "";
        }
        String count = entries.size() + " unused snapshot" + (entries.size() == 1 ? "" : "s");
        StringBuilder out = new StringBuilder();
        if (removed) {
            out.append("removed ").append(count).append(" from ").append(shownPath)
                    .append(fileDeleted ? " (no snapshot was left, so the file was deleted)" : "").append(':');
        } else {
            out.append(count).append(" in ").append(shownPath).append(':');
        }
        for (Unused u : entries) {
            out.append("\n  ").append(u.name()).append(": ").append(u.reason());
        }
        if (!removed) {
            out.append("\nRun the tests with -D").append(SnapshotMode.PROPERTY).append("=update to remove ")
                    .append(entries.size() == 1 ? "it." : "them.");
        }
        return out.toString();
    }
}
