package dev.testlet.internal.snapshot;

import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.json.CanonicalJson;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.ObjectMapper;

/**
 * The snapshots of one test run: the mode, where files are, and one {@link SnapshotFile} per file.
 * Keep exactly one per run (for example in JUnit's root {@code ExtensionContext} store), so that all
 * access to a file goes through one object.
 *
 * <pre>{@code
 * Snapshots snapshots = Snapshots.fromSystem(mapper);
 * Rendering actual = renderer.response(exchange, redactions);
 * String note = snapshots.check(invocation, null, actual);   // null when it matched
 * // ... at the end of the class:
 * UnusedSnapshots unused = snapshots.finishClass(ItemsTest.class, invocations);
 * }</pre>
 *
 * Thread-safe.
 */
public final class Snapshots {

    private final SnapshotMode mode;
    private final SnapshotLocator locator;
    private final Path shownFrom;
    private final CanonicalJson json;
    private final ConcurrentMap<Class<?>, Path> paths = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, SnapshotFile> files = new ConcurrentHashMap<>();

    /**
     * The snapshots of a run.
     *
     * <pre>{@code new Snapshots(SnapshotMode.resolve("update", null), locator, Path.of(""), mapper)}</pre>
     *
     * @param mode what to do with missing and differing snapshots
     * @param locator where files are
     * @param shownFrom the folder that messages show paths relative to (the working directory)
     * @param mapper to read JSON in snapshots when summarising differences
     */
    public Snapshots(SnapshotMode mode, SnapshotLocator locator, Path shownFrom, ObjectMapper mapper) {
        this.mode = mode;
        this.locator = locator;
        this.shownFrom = shownFrom.toAbsolutePath().normalize();
        this.json = new CanonicalJson(mapper);
    }

    /**
     * The snapshots of this JVM's run: mode from {@code -Dtestlet.snapshots} and {@code CI}, files
     * next to the test sources (or under {@code -Dtestlet.snapshots.dir}).
     *
     * <pre>{@code Snapshots.fromSystem(mapper)}</pre>
     *
     * @param mapper to read JSON in snapshots
     * @return the snapshots
     * @throws IllegalArgumentException when {@code -Dtestlet.snapshots} has an invalid value
     */
    public static Snapshots fromSystem(ObjectMapper mapper) {
        return from(System::getProperty, mapper);
    }

    /**
     * The snapshots of a run whose settings come from somewhere else first (JUnit's configuration
     * parameters, say, so {@code junit-platform.properties} can hold them), then the system properties.
     *
     * <pre>{@code Snapshots.from(key -> context.getConfigurationParameter(key).orElse(null), mapper)}</pre>
     *
     * @param settings looks up {@code testlet.snapshots} and {@code testlet.snapshots.dir}; null when unset
     * @param mapper to read JSON in snapshots
     * @return the snapshots
     * @throws IllegalArgumentException when the mode has an invalid value
     */
    public static Snapshots from(java.util.function.Function<String, @Nullable String> settings, ObjectMapper mapper) {
        String mode = setting(settings, SnapshotMode.PROPERTY);
        String dir = setting(settings, SnapshotLocator.DIR_PROPERTY);
        SnapshotLocator system = SnapshotLocator.fromSystem();
        SnapshotLocator locator = dir == null ? system : system.withOverrideDir(Path.of(dir));
        return new Snapshots(SnapshotMode.resolve(mode, System.getenv(SnapshotMode.CI_VARIABLE)), locator,
                Path.of(System.getProperty("user.dir")), mapper);
    }

    private static @Nullable String setting(java.util.function.Function<String, @Nullable String> settings, String key) {
        String value = settings.apply(key);
        if (value == null || value.isBlank()) {
            value = System.getProperty(key);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The mode of this run.
     *
     * <pre>{@code snapshots.mode().policy()}</pre>
     *
     * @return the mode
     */
    public SnapshotMode mode() {
        return mode;
    }

    /**
     * The one file object of a test class.
     *
     * <pre>{@code snapshots.fileFor(ItemsTest.class).names()}</pre>
     *
     * @param testClass the class
     * @return its file
     * @throws IllegalStateException when the class's source cannot be found
     */
    public SnapshotFile fileFor(Class<?> testClass) {
        Path path = paths.computeIfAbsent(testClass, locator::fileFor);
        return files.computeIfAbsent(path, p -> new SnapshotFile(p, testClass.getName(), shown(p)));
    }

    /**
     * Compares a rendering with its snapshot; writes it when missing (unless on CI) or, in update
     * mode, when it differs.
     *
     * <pre>{@code
     * String note = snapshots.check(invocation, null, actual);
     * if (note != null) context.publishReportEntry("snapshot", note);
     * }</pre>
     *
     * @param invocation the test invocation taking the snapshot, which names it
     * @param name an explicit name, or null for the next numbered one
     * @param actual the rendering
     * @return a note saying what was written where, or null when the snapshot matched
     * @throws AssertionFailedError when it differs (expected and actual attached, for IDE diffs), or is
     *     missing and this run does not write missing snapshots
     * @throws IllegalArgumentException for a bad explicit name
     */
    public @Nullable String check(SnapshotInvocation invocation, @Nullable String name, Rendering actual) {
        String entry = invocation.nextName(name);
        SnapshotFile file = fileFor(invocation.testClass());
        String stored = file.read(entry);
        if (stored == null) {
            if (mode.policy() == SnapshotMode.Policy.VERIFY) {
                throw missing(entry, file, actual);
            }
            file.write(entry, actual.text());
            return "snapshot \"" + entry + "\" was missing, so it was written to " + file.shownPath()
                    + "; review it and commit the file";
        }
        if (stored.equals(actual.text())) {
            return null;
        }
        if (mode.policy() == SnapshotMode.Policy.UPDATE) {
            file.write(entry, actual.text());
            return "snapshot \"" + entry + "\" differed, so it was updated in " + file.shownPath() + " (" + mode.reason()
                    + "); review the file's diff before committing";
        }
        throw mismatch(entry, file, stored, actual);
    }

    private AssertionFailedError mismatch(String entry, SnapshotFile file, String stored, Rendering actual) {
        Facts facts = Facts.of("snapshot differs", entry + " (" + actual.kind().withArticle() + ")").and("in", file.shownPath());
        if (!SnapshotDiff.summarize(actual.kind(), stored, actual.text(), json, facts)) {
            facts.and("difference", SnapshotDiff.firstDifference(stored, actual.text()));
        }
        facts.and("to accept it", "run the test again with -D" + SnapshotMode.PROPERTY
                + "=update, then review the file's diff before committing");
        return Failures.of(facts, null, stored, actual.text());
    }

    private AssertionFailedError missing(String entry, SnapshotFile file, Rendering actual) {
        Facts facts = Facts.of("snapshot", entry + " (" + actual.kind().withArticle() + ")")
                .and("is missing from", file.shownPath())
                .and("because", mode.reason())
                .and("to create it", "run the test locally (without CI set) and commit the file it writes, or run"
                        + " with -D" + SnapshotMode.PROPERTY + "=update");
        return Failures.of(facts, "--- the " + actual.kind().noun() + " (not written) ---\n" + actual.text());
    }

    /**
     * At the end of a test class: finds the entries of its file that no test uses any more, and in
     * update mode removes them (deleting a file left empty). An entry is unused only when its test
     * method no longer exists, or when its invocation ran in this run, passed, and did not take it —
     * so running one method (from an IDE) never reports the others' entries.
     *
     * <pre>{@code
     * UnusedSnapshots unused = snapshots.finishClass(ItemsTest.class, invocationsOfThisClass);
     * if (!unused.isEmpty()) System.err.println(unused.report());
     * }</pre>
     *
     * @param testClass the class that finished
     * @param invocations the invocations of its tests that ran in this run, finished
     * @return what was found (and removed); nothing for a class whose source cannot be found (it has
     *     no snapshot file either)
     * @throws IllegalStateException when the class's snapshot file exists but cannot be read
     */
    public UnusedSnapshots finishClass(Class<?> testClass, Collection<SnapshotInvocation> invocations) {
        SnapshotFile file;
        try {
            file = fileFor(testClass);
        } catch (IllegalStateException sourceNotFound) {
            return new UnusedSnapshots(testClass.getName(), java.util.List.of(), false, false);
        }
        return UnusedSnapshots.find(testClass, file, invocations, mode.policy() == SnapshotMode.Policy.UPDATE);
    }

    private String shown(Path path) {
        return path.startsWith(shownFrom) ? shownFrom.relativize(path).toString() : path.toString();
    }
}
