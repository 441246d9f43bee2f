package dev.testlet.examples.boot.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the same ten-test suite run three ways, each run a fresh JVM: Testlet in-process
 * ({@link TestletSuiteTest}), {@code @SpringBootTest} + MockMvc ({@link MockMvcSuiteTest}) and
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} ({@link RandomPortSuiteTest}). The variants
 * take turns (A, B, C, A, B, C, ...) so that load on the machine falls on all of them alike. Prints a
 * Markdown table of medians and writes it, with every run's output, under the output directory.
 *
 * <pre>{@code mvn -B -Pcompare -pl examples/spring-boot3 -am verify -DskipTests -Dcompare.repetitions=5}</pre>
 */
public final class SuiteComparison {

    private static final Pattern SUITE = Pattern.compile("SUITE passed=(\\d+) found=(\\d+) failed=(\\d+) millis=([0-9.]+)");
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    private static final long RUN_LIMIT_MINUTES = 5;

    private SuiteComparison() {}

    private record Variant(String label, Class<?> suite) {}

    private record Run(double jvmMillis, double testMillis, double bootMillis) {}

    /**
     * @param args the number of repetitions per variant, then the output directory
     * @throws Exception when a run cannot be started or fails
     */
    public static void main(String[] args) throws Exception {
        int repetitions = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        List<Variant> variants = List.of(
                new Variant("Testlet, in-process (`Testlet` + `SpringBootServletInitializer`)", TestletSuiteTest.class),
                new Variant("`@SpringBootTest` + MockMvc (no container)", MockMvcSuiteTest.class),
                new Variant("`@SpringBootTest(webEnvironment = RANDOM_PORT)` + `TestRestTemplate`", RandomPortSuiteTest.class));
        Map<Variant, List<Run>> runs = new LinkedHashMap<>();
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        String classPath = System.getProperty("java.class.path");
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (Variant variant : variants) {
                Path log = out.resolve(variant.suite().getSimpleName() + "-" + repetition + ".log");
                Run run = runOnce(java, classPath, variant.suite(), log);
                runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(run);
                System.out.printf(Locale.ROOT, "%-22s run %d: JVM %7.0f ms, tests %7.0f ms, Boot's start %7.0f ms%n",
                        variant.suite().getSimpleName(), repetition, run.jvmMillis(), run.testMillis(), run.bootMillis());
            }
        }
        StringBuilder table = new StringBuilder()
                .append("| ten tests of the tasks API, one JVM each | JVM wall time | tests alone | of which Boot's start | JVM runs (ms) |\n")
                .append("|---|---:|---:|---:|---|\n");
        for (Map.Entry<Variant, List<Run>> entry : runs.entrySet()) {
            List<Run> all = entry.getValue();
            table.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f s | %s |%n", entry.getKey().label(),
                    median(all.stream().mapToDouble(Run::jvmMillis).toArray()) / 1000,
                    median(all.stream().mapToDouble(Run::testMillis).toArray()) / 1000,
                    median(all.stream().mapToDouble(Run::bootMillis).toArray()) / 1000,
                    String.join(", ", all.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.jvmMillis())).toList())));
        }
        table.append(String.format(Locale.ROOT, "%nMedians of %d runs per variant; \"of which Boot's start\" is what Boot"
                + " logs as \"Started ... in N seconds\". %s, %d processors, Java %s.%n", repetitions,
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        Files.writeString(out.resolve("table.md"), table);
        System.out.println();
        System.out.print(table);
    }

    private static Run runOnce(String java, String classPath, Class<?> suite, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath, RunSuite.class.getName(), suite.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(suite.getSimpleName() + " did not finish within " + RUN_LIMIT_MINUTES
                    + " minutes; its output is in " + log);
        }
        double jvmMillis = (System.nanoTime() - start) / 1e6;
        String output = readQuietly(log);
        Matcher matcher = SUITE.matcher(output);
        if (process.exitValue() != 0 || !matcher.find()) {
            throw new IllegalStateException(suite.getSimpleName() + " failed (exit " + process.exitValue()
                    + "); its output is in " + log);
        }
        Matcher started = STARTED.matcher(output);
        double bootMillis = started.find() ? Double.parseDouble(started.group(1)) * 1000 : Double.NaN;
        return new Run(jvmMillis, Double.parseDouble(matcher.group(4)), bootMillis);
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
