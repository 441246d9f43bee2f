package dev.testlet.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's arithmetic and layout, on a hand-written JMH JSON file (no benchmark runs here). */
class RatioTableTest {

    @TempDir
    Path dir;

    @Test
    void ratios_come_from_the_same_run_and_are_judged_against_the_targets() throws Exception {
        String table = render(
                entry("RoundTripBenchmark.rawFloor", "avgt", 6.0, 0.3, "us/op", ""),
                entry("RoundTripBenchmark.testletSyncGet", "avgt", 7.2, 0.3, "us/op", ""),
                entry("LoopbackBenchmark.restAssured", "avgt", 1.8, 0.1, "ms/op", ""),
                entry("AsyncBenchmark.virtualThreadClients", "thrpt", 65_000, 2_000, "ops/s", ""));

        assertThat(table)
                .contains("| Testlet sync GET ÷ raw `LocalEndPoint` floor | 1.20× ± 0.078 | ≤ 1× (DESIGN: ≤ 1.3×) | **missed** |")
                .contains("| REST Assured over loopback ÷ Testlet sync GET | 250× ± 17.4 | ≥ 100× | met |")
                .contains("| async throughput, 1,000 virtual-thread clients | 65,000 ± 2,000 req/s | ≥ 70,000 req/s | **missed** |")
                .contains("mvn -B -Pbench -pl examples/servlets -am verify -DskipTests")
                .doesNotContain("MockMvc |");   // no MockMvc result, so no ratio to it
    }

    @Test
    void every_benchmark_in_the_run_gets_a_row_known_ones_first() throws Exception {
        String table = render(
                entry("WebSocketEchoBenchmark.echo", "sample", 12.0, 0.5, "us/op", ""),
                entry("RoundTripBenchmark.testletSyncGet", "avgt", 7.2, 0.3, "us/op", ""));

        assertThat(table).contains("| `WebSocketEchoBenchmark.echo` | 12.0 ± 0.500 (median 11.0) | µs/op | 2 × 5 (+15 warm-up) |");
        assertThat(table.indexOf("**Testlet** sync")).isPositive().isLessThan(table.indexOf("WebSocketEchoBenchmark"));
    }

    @Test
    void footprint_counters_are_averaged_over_iterations_not_summed() throws Exception {
        String secondary = """
                "heapKbPerIdleApp" : {"score" : 110.0, "scoreError" : "NaN", "scoreUnit" : "#", "rawData" : [[50.0, 60.0]]},
                "platformThreadsPerApp" : {"score" : 2.0, "scoreError" : "NaN", "scoreUnit" : "#", "rawData" : [[1.0, 1.0]]}
                """;
        String table = render(entry("IdleAppBenchmark.getOnOneOf100IdleApps", "avgt", 9.0, 1.0, "us/op", secondary));

        assertThat(table)
                .contains("| heap per idle app | 55.0 KB | < 100 KB | met |")
                .contains("| platform threads per idle app | 1.00 | ≤ 2 | met |");
    }

    @Test
    void whole_processes_are_judged_on_the_median_of_the_rounds_ratios() throws Exception {
        Path processes = dir.resolve("processes.json");
        Files.writeString(processes, """
                {"jdk" : "25.0.3", "runs" : 3, "cores" : 2, "loadAverageBefore" : "1.0", "loadAverageAfter" : "1.1",
                 "results" : [
                   {"variant" : "testlet", "requests" : 1, "firstResponseMs" : [500, 1000, 600], "processMs" : [600, 1100, 700]},
                   {"variant" : "rawJetty", "requests" : 1, "firstResponseMs" : [480, 900, 500], "processMs" : [590, 950, 650]},
                   {"variant" : "testlet", "requests" : 200, "firstResponseMs" : [500, 500, 500], "processMs" : [800, 1600, 900]},
                   {"variant" : "mockMvc", "requests" : 200, "firstResponseMs" : [400, 400, 400], "processMs" : [900, 1500, 1000]}
                 ]}
                """);
        Path json = dir.resolve("results.json");
        Files.writeString(json, "[" + entry("RoundTripBenchmark.rawFloor", "avgt", 6.0, 0.3, "us/op", "") + "]");

        String table = RatioTable.render(BenchmarkResult.read(json), ProcessResults.read(processes),
                LocalDate.of(2026, 11, 23), 2);

        // rounds: 500/480, 1000/900, 600/500 -> median 1.11; 800/900, 1600/1500, 900/1000 -> median 0.9
        assertThat(table)
                .contains("| fresh JVM, first checked response: Testlet ÷ bare Jetty | 1.11× (median of 3 rounds) | ≤ 1.1× | **missed** |")
                .contains("| fresh JVM, 200 checked GETs, whole process: Testlet ÷ MockMvc standalone | 0.900× (median of 3 rounds) | < 1× | met |")
                .contains("load average 1.0 before, 1.1 after")
                .contains("| 600 | 700 | 1.00× | 900 | 1.00× |");
    }

    private String render(String... entries) throws Exception {
        Path json = dir.resolve("results.json");
        Files.writeString(json, "[" + String.join(",", entries) + "]");
        return RatioTable.render(BenchmarkResult.read(json), LocalDate.of(2026, 11, 23), 2);
    }

    private static String entry(String name, String mode, double score, double error, String unit, String secondary) {
        return """
                {"jmhVersion" : "1.37", "benchmark" : "dev.testlet.benchmarks.%s", "mode" : "%s", "threads" : 1,
                 "forks" : 2, "jdkVersion" : "25.0.3", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "25.0.3+9-LTS",
                 "warmupIterations" : 15, "measurementIterations" : 5,
                 "primaryMetric" : {"score" : %s, "scoreError" : %s, "scorePercentiles" : {"50.0" : 11.0},
                                    "scoreUnit" : "%s", "rawData" : [[%s]]},
                 "secondaryMetrics" : {%s}}
                """.formatted(name, mode, score, error, unit, score, secondary);
    }

}
