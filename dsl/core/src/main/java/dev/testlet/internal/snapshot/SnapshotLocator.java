package dev.testlet.internal.snapshot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds the snapshot file of a test class: {@code __snapshots__/<Class>.snap} next to the class's
 * source, found by looking for {@code <Class>.java} or {@code <Class>.kt} (or a {@code .kt} file in the
 * package's folder that declares the class) under {@code src/test/java}, {@code src/test/kotlin} and
 * the other {@code src/<set>/java|kotlin} folders of the module. A nested class gets its own file,
 * {@code Outer.Inner.snap}. With {@code -Dtestlet.snapshots.dir=DIR} snapshots live in
 * {@code DIR/<package folders>/<Class>.snap} instead.
 *
 * <p>The module is found, in order, from the class's compiled location (the nearest folder above it
 * that has a {@code src} folder), Maven Surefire's {@code basedir} property and the working directory.
 *
 * <pre>{@code
 * SnapshotLocator.fromSystem().fileFor(ItemsTest.class)
 * // <module>/src/test/java/com/example/__snapshots__/ItemsTest.snap
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class SnapshotLocator {

    /** The system property naming a folder for all snapshot files. */
    public static final String DIR_PROPERTY = "testlet.snapshots.dir";

    /** The folder next to a test's source that holds its snapshots. */
    public static final String FOLDER = "__snapshots__";

    /** The snapshot file extension. */
    public static final String EXTENSION = ".snap";

    private static final int LEVELS_UP = 6;

    private final @Nullable Path overrideDir;
    private final List<Path> moduleDirs;

    /**
     * A locator.
     *
     * <pre>{@code new SnapshotLocator(null, List.of(Path.of("").toAbsolutePath()))}</pre>
     *
     * @param overrideDir a folder for all snapshot files, or null to keep them next to the sources
     * @param moduleDirs where to look for the module, after the class's own compiled location
     */
    public SnapshotLocator(@Nullable Path overrideDir, List<Path> moduleDirs) {
        this.overrideDir = overrideDir;
        this.moduleDirs = List.copyOf(moduleDirs);
    }

    /**
     * The locator of this JVM: {@code -Dtestlet.snapshots.dir}, {@code basedir} and {@code user.dir}.
     *
     * <pre>{@code SnapshotLocator.fromSystem()}</pre>
     *
     * @return the locator
     */
    public static SnapshotLocator fromSystem() {
        String dir = System.getProperty(DIR_PROPERTY);
        List<Path> modules = new ArrayList<>();
        String basedir = System.getProperty("basedir");
        if (basedir != null && !basedir.isBlank()) {
            modules.add(Path.of(basedir));
        }
        modules.add(Path.of(System.getProperty("user.dir")));
        return new SnapshotLocator(dir == null || dir.isBlank() ? null : Path.of(dir), modules);
    }

    /**
     * The same locator, with every file under a directory of its own.
     *
     * <pre>{@code locator.withOverrideDir(Path.of("build/snapshots"))}</pre>
     *
     * @param dir the directory
     * @return the new locator
     */
    public SnapshotLocator withOverrideDir(Path dir) {
        return new SnapshotLocator(dir, moduleDirs);
    }

    /**
     * The snapshot file of a test class.
     *
     * <pre>{@code locator.fileFor(ItemsTest.class)}</pre>
     *
     * @param testClass the class (a nested class gets its own file)
     * @return the path, absolute and normalised; the file may not exist yet
     * @throws IllegalStateException when the class's source cannot be found, saying where it looked
     */
    public Path fileFor(Class<?> testClass) {
        Class<?> top = testClass;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String packageName = testClass.getPackageName();
        String fileBase = testClass.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1)
                .replace('$', '.');
        List<Path> modules = new ArrayList<>();
        Path compiled = compiledLocation(testClass);
        if (compiled != null) {
            modules.add(compiled);
        }
        modules.addAll(moduleDirs);
        return fileFor(packageName, top.getSimpleName(), fileBase, modules);
    }

    /**
     * The snapshot file for a class given by name, looking in the given module folders (or their
     * ancestors that have a {@code src} folder).
     *
     * <pre>{@code locator.fileFor("com.example", "ItemsTest", "ItemsTest", List.of(moduleDir))}</pre>
     *
     * @param packageName the package, "" for none
     * @param sourceName the top-level class's simple name, which names its source file
     * @param fileBase the snapshot file's name without extension
     * @param modules folders in or under the module, in order of preference
     * @return the path, absolute and normalised
     * @throws IllegalStateException when the source cannot be found
     */
    public Path fileFor(String packageName, String sourceName, String fileBase, List<Path> modules) {
        Path packagePath = Path.of("", packageName.isEmpty() ? new String[0] : packageName.split("\\."));
        if (overrideDir != null) {
            return overrideDir.resolve(packagePath).resolve(fileBase + EXTENSION).toAbsolutePath().normalize();
        }
        List<Path> looked = new ArrayList<>();
        for (Path root : sourceRoots(modules)) {
            Path folder = root.resolve(packagePath);
            looked.add(folder);
            if (declares(folder, sourceName)) {
                return folder.resolve(FOLDER).resolve(fileBase + EXTENSION).toAbsolutePath().normalize();
            }
        }
        StringBuilder where = new StringBuilder();
        looked.forEach(p -> where.append("\n  ").append(p));
        throw new IllegalStateException("cannot find the source of " + (packageName.isEmpty() ? "" : packageName + ".")
                + sourceName + " to keep its snapshots next to it; looked for " + sourceName + ".java and "
                + sourceName + ".kt in:" + (looked.isEmpty() ? "\n  (no src folder found from " + modules + ")" : where)
                + "\nRun the tests from the module's folder, or set -D" + DIR_PROPERTY + "=<folder> to keep snapshot"
                + " files there (as " + packagePath.resolve(fileBase + EXTENSION) + ").");
    }

    private static @Nullable Path compiledLocation(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    private static List<Path> sourceRoots(List<Path> modules) {
        Set<Path> modulesWithSrc = new LinkedHashSet<>();
        for (Path start : modules) {
            Path p = start.toAbsolutePath().normalize();
            for (int up = 0; p != null && up <= LEVELS_UP; up++, p = p.getParent()) {
                if (Files.isDirectory(p.resolve("src"))) {
                    modulesWithSrc.add(p);
                    break;
                }
            }
        }
        Set<Path> roots = new LinkedHashSet<>();
        for (Path module : modulesWithSrc) {
            Path src = module.resolve("src");
            roots.add(src.resolve("test").resolve("java"));
            roots.add(src.resolve("test").resolve("kotlin"));
            try (Stream<Path> sets = Files.list(src)) {
                sets.filter(Files::isDirectory).sorted().forEach(set -> {
                    roots.add(set.resolve("java"));
                    roots.add(set.resolve("kotlin"));
                });
            } catch (IOException e) {
                // an unreadable src folder: the standard roots above are still tried
            }
        }
        return roots.stream().filter(Files::isDirectory).toList();
    }

    private static boolean declares(Path folder, String name) {
        if (Files.isRegularFile(folder.resolve(name + ".java")) || Files.isRegularFile(folder.resolve(name + ".kt"))) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        Pattern declaration = Pattern.compile("\\b(class|object)\\s+" + Pattern.quote(name) + "\\b");
        try (DirectoryStream<Path> kotlin = Files.newDirectoryStream(folder, "*.kt")) {
            for (Path file : kotlin) {
                if (declaration.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }
}
