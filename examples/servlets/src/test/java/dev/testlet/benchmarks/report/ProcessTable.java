package dev.testlet.benchmarks.report;

import dev.testlet.benchmarks.report.ProcessResults.Runs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * The whole-process part of {@link RatioTable}: its targets (as rows of the comparison table) and a
 * table of the variants side by side, medians of the runs and ratios to Testlet.
 */
final class ProcessTable {

    /** The variants, in the order the table lists them, with what each is. */
    static final Map<String, String> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("testlet", "**Testlet**: `Testlet.start(app)`, then `given().get(\"/ping\").expectStatus(200).expectJson(\"/ok\", true)`");
        VARIANTS.put(RunProcesses.TESTLET_AOT, "**Testlet**, the JVM started with the JDK's AOT cache of a training run (`-XX:AOTCache`)");
        VARIANTS.put("rawJetty", "Bare Jetty: `Server` + `LocalConnector`, a kept-alive endpoint, `HttpTester`, Jackson check");
        VARIANTS.put("mockMvc", "Spring MockMvc standalone, `status()` and `jsonPath` checks");
        VARIANTS.put("restAssured", "REST Assured over loopback TCP to the servlet on Jetty");
        VARIANTS.put("jdkHttpClient", "JDK `HttpClient` over loopback TCP to the servlet on Jetty, Jackson check");
    }

    private ProcessTable() {}

    /** The targets on whole processes, as rows of the comparison table. */
    static void appendTargets(StringBuilder out, ProcessResults p) {
        ratio(out, p, "fresh JVM, first checked response: Testlet ÷ bare Jetty", "testlet", "rawJetty", 1, true, "≤ 1.1×",
                v -> v <= 1.1);
        ratio(out, p, "fresh JVM, 200 checked GETs, whole process: Testlet ÷ MockMvc standalone", "testlet", "mockMvc", 200,
                false, "< 1×", v -> v < 1);
        ratio(out, p, "fresh JVM, 200 checked GETs, whole process: Testlet ÷ bare Jetty", "testlet", "rawJetty", 200, false,
                "", null);
        ratio(out, p, "fresh JVM, 200 checked GETs, whole process: REST Assured ÷ Testlet", "restAssured", "testlet", 200,
                false, "", null);
        ratio(out, p, "fresh JVM, 200 checked GETs, whole process: Testlet with the AOT cache ÷ without",
                RunProcesses.TESTLET_AOT, "testlet", 200, false, "", null);
    }

    private static void ratio(StringBuilder out, ProcessResults p, String label, String top, String bottom, int requests,
            boolean firstResponse, String target, DoublePredicate met) {
        Runs a = p.get(top, requests);
        Runs b = p.get(bottom, requests);
        if (a == null || b == null) {
            return;
        }
        double ratio = firstResponse ? ProcessResults.medianRatio(a.firstResponseMs(), b.firstResponseMs())
                : ProcessResults.medianRatio(a.processMs(), b.processMs());
        out.append("| ").append(label).append(" | ").append(Format.ratio(ratio, Double.NaN)).append(" (median of ")
                .append(Math.min(a.processMs().size(), b.processMs().size())).append(" rounds) | ").append(target)
                .append(" | ").append(met == null ? "" : met.test(ratio) ? "met" : "**missed**").append(" |\n");
    }

    /** The variants side by side. */
    static void appendTo(StringBuilder out, ProcessResults p) {
        out.append("\nWhole test suites as processes (").append(p.runs()).append(" rounds; in each, every variant ran once as")
                .append(" a fresh JVM, in turns; JDK ").append(p.jdk()).append("; load average ").append(p.loadBefore())
                .append(" before, ").append(p.loadAfter()).append(" after). Medians in ms, from launch; ")
                .append("a ratio is the median of the rounds' ratios to Testlet:\n\n");
        out.append("| suite: one app, N checked `GET /ping` | first checked response | whole process, N = 1 | ÷ Testlet"
                + " | whole process, N = 200 | ÷ Testlet |\n|---|---:|---:|---:|---:|---:|\n");
        Runs base1 = p.get("testlet", 1);
        Runs base200 = p.get("testlet", 200);
        VARIANTS.forEach((variant, label) -> {
            Runs one = p.get(variant, 1);
            Runs many = p.get(variant, 200);
            if (one == null && many == null) {
                return;
            }
            out.append("| ").append(label).append(" | ")
                    .append(one == null ? "" : Format.number(ProcessResults.median(one.firstResponseMs()))).append(" | ")
                    .append(one == null ? "" : Format.number(ProcessResults.median(one.processMs()))).append(" | ")
                    .append(one == null || base1 == null ? ""
                            : Format.ratio(ProcessResults.medianRatio(one.processMs(), base1.processMs()), Double.NaN))
                    .append(" | ")
                    .append(many == null ? "" : Format.number(ProcessResults.median(many.processMs()))).append(" | ")
                    .append(many == null || base200 == null ? ""
                            : Format.ratio(ProcessResults.medianRatio(many.processMs(), base200.processMs()), Double.NaN))
                    .append(" |\n");
        });
    }
}
