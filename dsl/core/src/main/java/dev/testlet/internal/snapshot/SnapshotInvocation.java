package dev.testlet.internal.snapshot;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The snapshots of one test invocation: names them, and remembers which it took and whether the test
 * passed, for the unused-snapshot report at the end of its class.
 *
 * <p>Names are stable across runs: the first unnamed snapshot of a test is named after its method
 * ({@code creates_an_item}), later ones get {@code /2}, {@code /3}...; a parameterized, repeated or
 * dynamic invocation adds its index ({@code lists_items[3]}, nested ones {@code [2][1]}); an explicit
 * name goes after a slash ({@code updates_an_item/after update}).
 *
 * <pre>{@code
 * SnapshotInvocation inv = new SnapshotInvocation(ItemsTest.class, "lists_items", context.getUniqueId());
 * inv.nextName(null);             // "lists_items[3]"
 * inv.nextName(null);             // "lists_items[3]/2"
 * inv.nextName("after update");   // "lists_items[3]/after update"
 * inv.finished(true);
 * }</pre>
 *
 * Thread-safe (a test may take snapshots from several threads; their numbering then follows the order
 * in which the calls arrive).
 */
public final class SnapshotInvocation {

    private static final Pattern INDEX = Pattern.compile(
            "\\[(?:[a-z-]*-invocation|dynamic-test|dynamic-container):#(\\d+)]");
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]*");

    private final Class<?> testClass;
    private final String method;
    private final String key;
    private final Set<String> produced = new LinkedHashSet<>();
    private final Set<String> explicit = new LinkedHashSet<>();
    private int unnamed;
    private @Nullable Boolean succeeded;

    /**
     * The snapshots of one invocation.
     *
     * <pre>{@code new SnapshotInvocation(context.getRequiredTestClass(), context.getRequiredTestMethod().getName(), context.getUniqueId())}</pre>
     *
     * @param testClass the class whose snapshot file the snapshots go to
     * @param method the test method's name
     * @param uniqueId JUnit's unique id of the invocation, for its invocation indices
     */
    public SnapshotInvocation(Class<?> testClass, String method, String uniqueId) {
        if (method.isEmpty() || method.indexOf('/') >= 0 || method.indexOf('[') >= 0) {
            throw new IllegalArgumentException("'" + method + "' is not a test method name");
        }
        this.testClass = testClass;
        this.method = method;
        this.key = method + invocationSuffix(uniqueId);
    }

    /**
     * The invocation indices in a JUnit unique id, as {@code [3]} (or {@code [2][1]} when nested);
     * empty for a plain test.
     *
     * <pre>{@code
     * invocationSuffix("[engine:junit-jupiter]/[class:a.B]/[test-template:m(int)]/[test-template-invocation:#3]")  // "[3]"
     * invocationSuffix("[engine:junit-jupiter]/[class:a.B]/[method:m()]")  // ""
     * }</pre>
     *
     * @param uniqueId the unique id
     * @return the suffix
     */
    public static String invocationSuffix(String uniqueId) {
        StringBuilder out = new StringBuilder();
        Matcher m = INDEX.matcher(uniqueId);
        while (m.find()) {
            out.append('[').append(m.group(1)).append(']');
        }
        return out.toString();
    }

    /**
     * The name for the next snapshot this invocation takes.
     *
     * <pre>{@code inv.nextName(null); inv.nextName("after update");}</pre>
     *
     * @param name an explicit name, or null for the next number
     * @return the entry name
     * @throws IllegalArgumentException for a blank name, a name that is a number (those are the
     *     unnamed snapshots' own), or a name already used in this invocation
     */
    public synchronized String nextName(@Nullable String name) {
        if (name == null) {
            unnamed++;
            String entry = unnamed == 1 ? key : key + "/" + unnamed;
            produced.add(entry);
            return entry;
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("a snapshot name must not be blank; use expectSnapshot() to have it"
                    + " named after the test");
        }
        if (NUMBER.matcher(name).matches()) {
            throw new IllegalArgumentException("snapshot name \"" + name + "\" is a number, and numbers name the"
                    + " unnamed snapshots of a test (" + key + "/2, " + key + "/3...); use a word, such as \"step "
                    + name + "\"");
        }
        if (!explicit.add(name)) {
            throw new IllegalArgumentException("snapshot name \"" + name + "\" is already used in this test; give each"
                    + " snapshot of a test its own name");
        }
        String entry = key + "/" + name;
        produced.add(entry);
        return entry;
    }

    /**
     * Records how the test ended; call once, after it ran.
     *
     * <pre>{@code inv.finished(context.getExecutionException().isEmpty())}</pre>
     *
     * @param passed whether it passed
     */
    public synchronized void finished(boolean passed) {
        succeeded = passed;
    }

    /**
     * Whether the test ran to the end and passed ({@code false} while it runs, when it failed or was
     * aborted).
     *
     * <pre>{@code inv.passed()}</pre>
     *
     * @return true when it passed
     */
    public synchronized boolean passed() {
        return Boolean.TRUE.equals(succeeded);
    }

    /**
     * The entries this invocation took, in order.
     *
     * <pre>{@code inv.produced()   // [lists_items[3], lists_items[3]/2]}</pre>
     *
     * @return a copy of the names
     */
    public synchronized Set<String> produced() {
        return Set.copyOf(produced);
    }

    /**
     * The test class.
     *
     * <pre>{@code inv.testClass()}</pre>
     *
     * @return the class
     */
    public Class<?> testClass() {
        return testClass;
    }

    /**
     * The test method's name.
     *
     * <pre>{@code inv.method()   // "lists_items"}</pre>
     *
     * @return the name
     */
    public String method() {
        return method;
    }

    /**
     * The method name and invocation indices: what every entry of this invocation starts with.
     *
     * <pre>{@code inv.key()   // "lists_items[3]"}</pre>
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return testClass.getSimpleName() + "." + key;
    }
}
