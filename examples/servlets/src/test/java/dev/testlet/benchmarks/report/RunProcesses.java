package dev.testlet.benchmarks.report;

import dev.testlet.benchmarks.SuiteProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures whole test suites as processes: each run starts a fresh JVM ({@link SuiteProcess}) that
 * starts one app, sends N checked GETs and stops, and is timed from the outside, from just before the
 * launch to the process's exit, and to its first checked response. The variants take turns (each
 * round in another order), every variant runs the same number of times, and the table shows medians.
 * With a JDK that has the AOT cache (JEP 483/514, JDK 25), Testlet also runs with a cache made by one
 * training run of the same suite, as a user would set it up. Every variant runs from the same class
 * path, with the folders of classes packed into jars (the JDK makes no AOT cache otherwise).
 *
 * <pre>{@code java -cp <test classpath> dev.testlet.benchmarks.report.RunProcesses target/benchmarks/processes.json 7}</pre>
 *
 * The JSON it writes is read by {@link RatioTable}.
 */
public final class RunProcesses {

    /** The request counts: a one-test suite and a small suite. */
    static final List<Integer> REQUESTS = List.of(1, 200);

    /** The variant that runs Testlet with the JDK's AOT cache. */
    static final String TESTLET_AOT = "testlet+aot";

    private static final Duration PROCESS_LIMIT = Duration.ofMinutes(2);

    private RunProcesses() {}

    /**
     * @param args the JSON file to write, and how many runs per variant and request count (0 skips)
     * @throws Exception when a process fails or cannot be started
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RunProcesses PROCESSES.json RUNS");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        int runs = Integer.parseInt(args[1]);
        Files.createDirectories(out.getParent());
        Files.deleteIfExists(out);
        if (runs <= 0) {
            System.out.println("whole-process runs skipped (processes.runs=" + runs + ")");
            return;
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = jarred(System.getProperty("java.class.path"), out.getParent().resolve("classpath"));
        List<String> variants = new ArrayList<>(SuiteProcess.VARIANTS);
        Path aotCache = out.getParent().resolve("testlet-suite.aot");
        boolean aot = train(java, classPath, aotCache);
        if (aot) {
            variants.add(1, TESTLET_AOT);
        }
        String loadBefore = loadAverage();
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (int requests : REQUESTS) {
                for (int k = 0; k < variants.size(); k++) {
                    String variant = variants.get((k + round) % variants.size());
                    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
                    if (variant.equals(TESTLET_AOT)) {
                        command.add("-XX:AOTCache=" + aotCache);
                    }
                    command.addAll(List.of(SuiteProcess.class.getName(), variant.replace("+aot", ""),
                            Integer.toString(requests)));
                    double[] measured = run(command);
                    samples.computeIfAbsent(variant + " " + requests, key -> new ArrayList<>()).add(measured);
                    System.out.printf("round %d/%d  %-14s N=%-3d  first response %7.1f ms  process %7.1f ms%n", round + 1,
                            runs, variant, requests, measured[0], measured[1]);
                }
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jdk", Runtime.version().toString());
        json.put("runs", runs);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageBefore", loadBefore);
        json.put("loadAverageAfter", loadAverage());
        json.put("aotCache", aot);
        List<Map<String, Object>> results = new ArrayList<>();
        samples.forEach((key, list) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("variant", key.substring(0, key.indexOf(' ')));
            r.put("requests", Integer.parseInt(key.substring(key.indexOf(' ') + 1)));
            r.put("firstResponseMs", list.stream().map(m -> m[0]).toList());
            r.put("processMs", list.stream().map(m -> m[1]).toList());
            results.add(r);
        });
        json.put("results", results);
        Files.writeString(out, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        System.out.println("(written to " + out + ")");
    }

    /**
     * The class path with each folder of classes packed into a jar: the JDK makes no AOT cache from a
     * class path with a folder on it, and every variant runs from the same class path.
     */
    private static String jarred(String classPath, Path dir) throws IOException {
        java.util.spi.ToolProvider jar = java.util.spi.ToolProvider.findFirst("jar").orElseThrow();
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path packed = dir.resolve((n++) + "-" + path.getParent().getParent().getFileName() + "-"
                    + path.getFileName() + ".jar");
            Files.deleteIfExists(packed);
            if (jar.run(System.out, System.err, "--create", "--file", packed.toString(), "-C", entry, ".") != 0) {
                throw new IOException("could not pack " + entry + " into " + packed);
            }
            entries.add(packed.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** One process: milliseconds from launch to its first checked response, and to its exit. */
    private static double[] run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Instant launched = Instant.now();
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("no exit within " + PROCESS_LIMIT + ": " + command);
        }
        double processMs = (System.nanoTime() - start) / 1e6;
        String text = new String(output, StandardCharsets.UTF_8).strip();
        String last = text.substring(text.lastIndexOf('\n') + 1);
        if (process.exitValue() != 0 || !last.startsWith("began=")) {
            throw new IllegalStateException("exit " + process.exitValue() + " from " + command + ":\n" + text);
        }
        Instant first = Instant.parse(last.substring(last.indexOf("first=") + 6, last.indexOf(" done=")));
        return new double[] {Duration.between(launched, first).toNanos() / 1e6, processMs};
    }

    /**
     * One training run of the Testlet suite that writes an AOT cache (JDK 25: {@code -XX:AOTCacheOutput}),
     * as a user's build would before running the tests.
     *
     * @return false when this JDK has no AOT cache (then that variant is left out)
     */
    private static boolean train(String java, String classPath, Path cache) throws IOException, InterruptedException {
        if (Runtime.version().feature() < 25) {
            return false;
        }
        Files.deleteIfExists(cache);
        Process process = new ProcessBuilder(java, "-XX:AOTCacheOutput=" + cache, "-cp", classPath,
                SuiteProcess.class.getName(), "testlet", "200").redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0
                || !Files.exists(cache)) {
            System.out.println("no AOT cache: " + new String(output, StandardCharsets.UTF_8));
            return false;
        }
        return true;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return String.join(" ", java.util.Arrays.asList(fields).subList(0, Math.min(3, fields.length)));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
