package dev.testlet.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark's entry in JMH's JSON results.
 *
 * @param name the benchmark without the {@code dev.testlet.benchmarks.} prefix, with its parameters if any
 * @param mode JMH's short label: avgt, thrpt, sample, ss
 * @param primary the primary metric
 * @param secondary the secondary metrics by name, in JMH's order
 * @param forks forks run
 * @param warmupIterations warm-up iterations per fork
 * @param measurementIterations measured iterations per fork
 * @param jdk "25.0.1", as the forked JVM reported it
 * @param vm the VM's name and version
 * @param jmhVersion JMH's version
 */
record BenchmarkResult(String name, String mode, Metric primary, Map<String, Metric> secondary, int forks,
        int warmupIterations, int measurementIterations, String jdk, String vm, String jmhVersion) {

    static final String PACKAGE = "dev.testlet.benchmarks.";

    /**
     * A metric's value.
     *
     * @param score JMH's score
     * @param error the half-width of its 99.9% confidence interval (NaN when it cannot be computed)
     * @param unit "us/op", "ops/s", "#"...
     * @param median the 50th percentile of the samples (for sample mode: of every sampled operation)
     * @param iterations the per-iteration values, all forks together
     */
    record Metric(double score, double error, String unit, double median, List<Double> iterations) {

        /** The mean of the per-iteration values: for counters, which JMH sums over iterations. */
        double perIterationMean() {
            return iterations.stream().mapToDouble(Double::doubleValue).average().orElse(score);
        }

        /** Seconds per operation, for comparing metrics of different units and modes. */
        double secondsPerOp() {
            return switch (unit) {
                case "ns/op" -> score * 1e-9;
                case "us/op" -> score * 1e-6;
                case "ms/op" -> score * 1e-3;
                case "s/op" -> score;
                case "ops/ns" -> 1e-9 / score;
                case "ops/us" -> 1e-6 / score;
                case "ops/ms" -> 1e-3 / score;
                case "ops/s" -> 1 / score;
                default -> throw new IllegalArgumentException("not a time or a rate: " + unit);
            };
        }

        /** The error relative to the score; NaN when JMH could not compute one (a single iteration). */
        double relativeError() {
            return error / score;
        }
    }

    /**
     * Reads a JMH JSON results file.
     *
     * @param file the file JMH wrote with {@code -rf json}
     * @return the results, in the order JMH ran them
     * @throws IOException when the file cannot be read
     */
    static List<BenchmarkResult> read(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        List<BenchmarkResult> results = new ArrayList<>();
        for (JsonNode entry : root) {
            String name = entry.get("benchmark").asString();
            if (name.startsWith(PACKAGE)) {
                name = name.substring(PACKAGE.length());
            }
            JsonNode params = entry.path("params");
            if (params.isObject() && !params.isEmpty()) {
                List<String> pairs = new ArrayList<>();
                params.properties().forEach(p -> pairs.add(p.getKey() + "=" + p.getValue().asString()));
                name += " (" + String.join(", ", pairs) + ")";
            }
            Map<String, Metric> secondary = new LinkedHashMap<>();
            entry.path("secondaryMetrics").properties().forEach(p -> secondary.put(p.getKey(), metric(p.getValue())));
            results.add(new BenchmarkResult(name, entry.get("mode").asString(), metric(entry.get("primaryMetric")),
                    secondary, entry.path("forks").asInt(), entry.path("warmupIterations").asInt(),
                    entry.path("measurementIterations").asInt(), entry.path("jdkVersion").asString(""),
                    entry.path("vmName").asString("") + " " + entry.path("vmVersion").asString(""),
                    entry.path("jmhVersion").asString("")));
        }
        return results;
    }

    private static Metric metric(JsonNode node) {
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            for (JsonNode value : fork) {
                iterations.add(number(value));
            }
        }
        return new Metric(number(node.get("score")), number(node.get("scoreError")), node.get("scoreUnit").asString(),
                number(node.path("scorePercentiles").path("50.0")), List.copyOf(iterations));
    }

    /** JMH writes NaN and infinities as strings. */
    private static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
