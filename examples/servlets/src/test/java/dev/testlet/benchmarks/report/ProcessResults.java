package dev.testlet.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link RunProcesses} measured: per variant and request count, the milliseconds of each run (in
 * round order, so the runs of one round, which ran one right after the other, pair up).
 *
 * @param jdk the JDK the processes ran on
 * @param runs runs per variant and request count
 * @param loadBefore the load average before the runs ("1.02 0.90 0.85 ...")
 * @param loadAfter the load average after
 * @param runsOf each variant's runs
 */
record ProcessResults(String jdk, int runs, String loadBefore, String loadAfter, List<Runs> runsOf) {

    /**
     * One variant at one request count.
     *
     * @param variant "testlet", "rawJetty", ...
     * @param requests how many checked GETs each process sent
     * @param firstResponseMs from launch to the first checked response, per run
     * @param processMs from launch to exit, per run
     */
    record Runs(String variant, int requests, List<Double> firstResponseMs, List<Double> processMs) {}

    static ProcessResults read(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readAllBytes(file));
        List<Runs> runs = new ArrayList<>();
        for (JsonNode r : root.path("results")) {
            runs.add(new Runs(r.get("variant").asString(), r.get("requests").asInt(), numbers(r.get("firstResponseMs")),
                    numbers(r.get("processMs"))));
        }
        return new ProcessResults(root.path("jdk").asString(""), root.path("runs").asInt(),
                root.path("loadAverageBefore").asString(""), root.path("loadAverageAfter").asString(""), runs);
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asDouble()));
        return out;
    }

    @Nullable Runs get(String variant, int requests) {
        return runsOf.stream().filter(r -> r.variant().equals(variant) && r.requests() == requests).findFirst()
                .orElse(null);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The median of the per-round ratios {@code top[i] / bottom[i]}: runs of one round ran side by side. */
    static double medianRatio(List<Double> top, List<Double> bottom) {
        int n = Math.min(top.size(), bottom.size());
        Double[] ratios = new Double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = top.get(i) / bottom.get(i);
        }
        return median(Arrays.asList(ratios));
    }
}
