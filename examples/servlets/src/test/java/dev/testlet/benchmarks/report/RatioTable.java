package dev.testlet.benchmarks.report;

import dev.testlet.benchmarks.report.BenchmarkResult.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.jspecify.annotations.Nullable;

/**
 * Turns one run's JMH JSON, and the whole-process runs of the same command ({@link RunProcesses}), into
 * the README's performance table: the ratios and targets first, computed only from numbers of that same
 * run (so they hold on a noisy machine), then the whole processes, then every benchmark the run
 * contains, the known ones in a fixed order and any others after them.
 *
 * <pre>{@code java -cp <test classpath> dev.testlet.benchmarks.report.RatioTable results.json table.md processes.json}</pre>
 */
public final class RatioTable {

    static final String COMMAND = "mvn -B -Pbench -pl examples/servlets -am verify -DskipTests";

    /** The benchmarks this table knows, in the order it lists them, with what each measures. */
    static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("RoundTripBenchmark.rawFloor", "Floor: raw kept-alive `LocalEndPoint`, `addInput` + `waitForResponse`, `HttpTester` parse");
        KNOWN.put("RoundTripBenchmark.testletSyncGet", "**Testlet** sync: `given().get(\"/ping\").expectStatus(200).expectJson(\"/ok\", true)`");
        KNOWN.put("SpringBenchmark.mockMvc", "Spring MockMvc standalone: `perform(get).andExpect(status().isOk()).andExpect(jsonPath(\"$.ok\").value(true))`");
        KNOWN.put("SpringBenchmark.testletOnSpring", "**Testlet** on the Spring MVC app (same controller, `DispatcherServlet` on real Jetty)");
        KNOWN.put("LoopbackBenchmark.jdkHttpClient", "JDK `HttpClient` over loopback TCP (kept alive), status + JSON check");
        KNOWN.put("LoopbackBenchmark.restAssured", "REST Assured 6 over loopback TCP: `given(spec).get(..).then().statusCode(200).body(\"ok\", equalTo(true))`");
        KNOWN.put("AsyncBenchmark.virtualThreadClients", "**Testlet**: 1,000 virtual-thread clients × 10 sync checked requests");
        KNOWN.put("AsyncBenchmark.asyncClient", "**Testlet** async: `client.async()`, 10,000 checked requests, 1,000 in flight");
        KNOWN.put("AsyncBenchmark.concurrently10k", "**Testlet** `concurrently(10_000, ...)`: 10,000 checked requests released at once");
        KNOWN.put("StartStopBenchmark.testlet", "**Testlet** `Testlet.start(app).close()`");
        KNOWN.put("StartStopBenchmark.testletWithWebSocket", "**Testlet** `Testlet.start(app).close()`, app with a Jakarta WebSocket endpoint");
        KNOWN.put("StartStopBenchmark.rawJetty", "Reference: bare Jetty server + `LocalConnector` + `VirtualThreadPool`, start + stop");
        KNOWN.put("IdleAppBenchmark.getOnOneOf100IdleApps", "**Testlet** GET round-robin over 100 idle apps (footprint below)");
        KNOWN.put("WebSocketEchoBenchmark.rawEcho", "Floor: a masked frame written into a raw Jetty endpoint, the echo frame read back");
        KNOWN.put("WebSocketEchoBenchmark.dslEcho", "**Testlet** WebSocket: `ws.sendText(\"hello\").expectText(\"Echo: hello\")`");
        KNOWN.put("WebSocketEchoBenchmark.rawOpenClose", "Floor: a new raw Jetty connection, the upgrade and its 101, the connection dropped");
        KNOWN.put("WebSocketEchoBenchmark.dslOpenClose", "**Testlet** `try (var ws = client.given().websocket(\"/ws/echo\")) {}`: open and close");
    }

    private RatioTable() {}

    /**
     * @param args the JMH JSON results file, the Markdown file to write, and (optionally) the
     *     whole-process results
     * @throws Exception when the results cannot be read or the table written
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: RatioTable RESULTS.json TABLE.md [PROCESSES.json]");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        if (!Files.exists(json)) {
            System.err.println("no results at " + json.toAbsolutePath() + ": did the benchmarks run? (" + COMMAND + ")");
            System.exit(1);
        }
        Path processFile = args.length == 3 ? Path.of(args[2]) : null;
        ProcessResults processes = processFile != null && Files.exists(processFile) ? ProcessResults.read(processFile) : null;
        String table = render(BenchmarkResult.read(json), processes, LocalDate.now(), Runtime.getRuntime().availableProcessors());
        Files.writeString(Path.of(args[1]), table);
        System.out.println();
        System.out.println(table);
        System.out.println("(written to " + Path.of(args[1]).toAbsolutePath() + ")");
    }

    static String render(List<BenchmarkResult> results, LocalDate date, int cores) {
        return render(results, null, date, cores);
    }

    static String render(List<BenchmarkResult> results, @Nullable ProcessResults processes, LocalDate date, int cores) {
        Map<String, BenchmarkResult> byName = new LinkedHashMap<>();
        results.forEach(r -> byName.put(r.name(), r));
        StringBuilder out = new StringBuilder();
        BenchmarkResult any = results.isEmpty() ? null : results.get(0);
        out.append("Measured ").append(date).append(" on a ").append(cores).append("-core machine")
                .append(any == null ? "" : ", JDK " + any.jdk() + " (" + any.vm().strip() + "), JMH " + any.jmhVersion())
                .append(", all in one run: each ratio compares numbers measured together, which holds better than absolute"
                        + " numbers on a busy machine. To reproduce:\n\n```\n").append(COMMAND).append("\n```\n\n");
        new Targets(byName, processes).appendTo(out);
        if (processes != null) {
            ProcessTable.appendTo(out, processes);
        }
        out.append("\n| benchmark, each on `GET /ping` → `{\"ok\":true}` | score ± error (99.9%) | unit | forks × iterations |\n");
        out.append("|---|---:|---|---|\n");
        List<BenchmarkResult> ordered = new ArrayList<>();
        KNOWN.keySet().forEach(name -> {
            if (byName.containsKey(name)) {
                ordered.add(byName.get(name));
            }
        });
        results.stream().filter(r -> !KNOWN.containsKey(r.name())).sorted(Comparator.comparing(BenchmarkResult::name))
                .forEach(ordered::add);
        for (BenchmarkResult r : ordered) {
            appendRow(out, KNOWN.getOrDefault(r.name(), "`" + r.name() + "`"), r);
        }
        out.append("\n").append(NOTES);
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String label, BenchmarkResult r) {
        Metric m = r.primary();
        String score = Format.scoreWithError(m.score(), m.error());
        if (r.mode().equals("sample") && !Double.isNaN(m.median())) {
            score += " (median " + Format.number(m.median()) + ")";
        }
        String runs = r.forks() + " × " + r.measurementIterations() + " (+" + r.warmupIterations() + " warm-up)";
        out.append("| ").append(label).append(" | ").append(score).append(" | ").append(Format.unit(m.unit(), r.mode()))
                .append(" | ").append(runs).append(" |\n");
        r.secondary().forEach((name, s) -> {
            if (name.startsWith("·") && !name.equals("·gc.alloc.rate.norm")) {
                return;   // profiler output other than allocation per operation stays in the JSON
            }
            boolean counter = s.unit().equals("#");
            String value = counter ? Format.number(s.perIterationMean()) + " (mean per iteration)"
                    : Format.scoreWithError(s.score(), s.error());
            out.append("| &nbsp;&nbsp;↳ `").append(name).append("` | ").append(value).append(" | ")
                    .append(counter ? "" : Format.unit(s.unit(), r.mode())).append(" | |\n");
        });
    }

    /** The DESIGN targets, each computed from this run's numbers. */
    private record Targets(Map<String, BenchmarkResult> byName, @Nullable ProcessResults processes) {

        void appendTo(StringBuilder out) {
            out.append("| comparison (same run) | value | target | |\n|---|---:|---|---|\n");
            ratio(out, "Testlet sync GET ÷ raw `LocalEndPoint` floor", "RoundTripBenchmark.testletSyncGet",
                    "RoundTripBenchmark.rawFloor", "≤ 1× (DESIGN: ≤ 1.3×)", v -> v <= 1.0);
            ratio(out, "Testlet sync GET ÷ Spring MockMvc", "RoundTripBenchmark.testletSyncGet", "SpringBenchmark.mockMvc",
                    "≤ 0.9×", v -> v <= 0.9);
            ratio(out, "REST Assured over loopback ÷ Testlet sync GET", "LoopbackBenchmark.restAssured",
                    "RoundTripBenchmark.testletSyncGet", "≥ 100×", v -> v >= 100);
            ratio(out, "JDK HttpClient over loopback ÷ Testlet sync GET", "LoopbackBenchmark.jdkHttpClient",
                    "RoundTripBenchmark.testletSyncGet", "", null);
            ratio(out, "Testlet on the Spring app ÷ MockMvc (same controller)", "SpringBenchmark.testletOnSpring",
                    "SpringBenchmark.mockMvc", "", null);
            value(out, "async throughput, 1,000 virtual-thread clients", "AsyncBenchmark.virtualThreadClients",
                    m -> m.score(), "req/s", "≥ 70,000 req/s", v -> v >= 70_000);
            value(out, "`client.async()` throughput, 1,000 in flight, sent from the test thread",
                    "AsyncBenchmark.asyncClient", m -> m.score(), "req/s", "", null);
            BenchmarkResult concurrent = byName.get("AsyncBenchmark.concurrently10k");
            if (concurrent != null) {
                row(out, "10,000 concurrent requests (`concurrently`)", "all succeeded, "
                        + Format.number(concurrent.primary().secondsPerOp() * 1e3) + " ms per 10,000", "no error", "met");
            }
            value(out, "start + stop, warm JVM", "StartStopBenchmark.testlet", m -> m.secondsPerOp() * 1e3, "ms",
                    "< 3 ms", v -> v < 3);
            value(out, "start + stop with Jakarta WebSocket", "StartStopBenchmark.testletWithWebSocket",
                    m -> m.secondsPerOp() * 1e3, "ms", "< 8 ms", v -> v < 8);
            footprint(out, "heap per idle app", "heapKbPerIdleApp", "KB", "< 100 KB", v -> v < 100);
            footprint(out, "heap per app after one GET (holds a kept-alive connection)", "heapKbPerAppAfterOneGet", "KB",
                    "", null);
            footprint(out, "platform threads per idle app", "platformThreadsPerApp", "", "≤ 2", v -> v <= 2);
            medianRatio(out, "WebSocket echo, median: Testlet DSL ÷ raw frames", "WebSocketEchoBenchmark.dslEcho",
                    "WebSocketEchoBenchmark.rawEcho", "≤ 2×", v -> v <= 2);
            median(out, "WebSocket echo, median, Testlet DSL", "WebSocketEchoBenchmark.dslEcho", "< 20 µs", v -> v < 20);
            median(out, "WebSocket session opened and closed, median, Testlet DSL", "WebSocketEchoBenchmark.dslOpenClose",
                    "opened in < 50 µs", v -> v < 50);
            median(out, "WebSocket connection upgraded and dropped, median, raw Jetty (the floor)",
                    "WebSocketEchoBenchmark.rawOpenClose", "", null);
            if (processes != null) {
                ProcessTable.appendTargets(out, processes);
            }
        }

        private void medianRatio(StringBuilder out, String label, String top, String bottom, String target,
                DoublePredicate met) {
            BenchmarkResult a = byName.get(top);
            BenchmarkResult b = byName.get(bottom);
            if (a == null || b == null) {
                return;
            }
            double ratio = a.primary().median() / b.primary().median();
            row(out, label, Format.ratio(ratio, Double.NaN), target, verdict(met.test(ratio)));
        }

        private void median(StringBuilder out, String label, String name, String target, @Nullable DoublePredicate met) {
            BenchmarkResult r = byName.get(name);
            if (r == null) {
                return;
            }
            double v = r.primary().median();
            row(out, label, Format.number(v) + " " + Format.unit(r.primary().unit(), r.mode()).replace("/op", ""), target,
                    met == null ? "" : verdict(met.test(v)));
        }

        private void ratio(StringBuilder out, String label, String top, String bottom, String target,
                DoublePredicate met) {
            BenchmarkResult a = byName.get(top);
            BenchmarkResult b = byName.get(bottom);
            if (a == null || b == null) {
                return;
            }
            double ratio = a.primary().secondsPerOp() / b.primary().secondsPerOp();
            double error = ratio * Math.hypot(a.primary().relativeError(), b.primary().relativeError());
            row(out, label, Format.ratio(ratio, error), target, met == null ? "" : verdict(met.test(ratio)));
        }

        private void value(StringBuilder out, String label, String name, java.util.function.ToDoubleFunction<Metric> of,
                String unit, String target, DoublePredicate met) {
            BenchmarkResult r = byName.get(name);
            if (r == null) {
                return;
            }
            double v = of.applyAsDouble(r.primary());
            double error = v * r.primary().relativeError();
            row(out, label, Format.scoreWithError(v, error) + " " + unit, target, met == null ? "" : verdict(met.test(v)));
        }

        private void footprint(StringBuilder out, String label, String counter, String unit, String target,
                DoublePredicate met) {
            BenchmarkResult r = byName.get("IdleAppBenchmark.getOnOneOf100IdleApps");
            Metric m = r == null ? null : r.secondary().get(counter);
            if (m == null) {
                return;
            }
            double v = m.perIterationMean();
            row(out, label, Format.number(v) + (unit.isEmpty() ? "" : " " + unit), target,
                    met == null ? "" : verdict(met.test(v)));
        }

        static void row(StringBuilder out, String label, String value, String target, String verdict) {
            out.append("| ").append(label).append(" | ").append(value).append(" | ").append(target).append(" | ")
                    .append(verdict).append(" |\n");
        }

        static String verdict(boolean met) {
            return met ? "met" : "**missed**";
        }
    }

    static final String NOTES = """
            How it was measured: JMH, each benchmark in fresh JVMs (forks) with the warm-up and measured
            iterations shown; latency rows use 1 s iterations after 15 warm-up ones (Testlet's path needs that long to settle on
            a busy 2-core machine), throughput rows 2 s iterations; `avgt` is the mean time per call ± the
            half-width of JMH's 99.9% confidence interval, and a ratio's ± combines both rows' relative errors.
            The app is one servlet writing `{"ok":true}`; the raw floor and Testlet send the same request bytes
            and get the same response bytes. MockMvc runs a `@RestController` returning a record as JSON,
            standalone (no container, no HTTP), checked with `status()` and `jsonPath`. REST Assured is
            measured as a test suite uses it: a `RequestSpecification` holding only the base URI and port (no
            static configuration), everything else REST Assured's default, against the same servlet on a Jetty
            `ServerConnector` at 127.0.0.1; the JDK `HttpClient` keeps its connection alive and checks the body
            with Jackson. Footprint: before each iteration 100 apps are started; the heap is read after full
            GCs, and the platform threads counted, before and after. Async: the DESIGN target is defined on
            1,000 virtual-thread clients (each request runs on its client's virtual thread); `client.async()`
            also starts a virtual thread per request from the test's platform thread, which limits it on 2 cores.
            WebSocket rows are JMH sample mode (every call timed) and judged on medians: the echo sends "hello"
            and reads "Echo: hello"; opening and closing a session is the upgrade on a new connection, its
            101, the session's setup and the close handshake, beside the raw floor of a new connection, the
            upgrade and its 101 (the connection dropped, no close handshake). Whole processes: see the table
            of suites above; each process is timed from the launching JVM, to its first checked response
            and to its exit, and every variant runs from the same class path.
            """;
}
