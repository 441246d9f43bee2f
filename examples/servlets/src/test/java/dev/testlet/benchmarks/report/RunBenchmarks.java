package dev.testlet.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs JMH with its JSON results written to a file (whose folder JMH would not create): the first
 * argument is that file, the rest are JMH's own command line (options, then benchmark regexps).
 *
 * <pre>{@code java -cp <test classpath> dev.testlet.benchmarks.report.RunBenchmarks target/benchmarks/results.json -f 1 TestletBenchmark}</pre>
 */
public final class RunBenchmarks {

    private RunBenchmarks() {}

    /**
     * @param args the results file, then JMH's arguments
     * @throws Exception when the folder cannot be made or JMH fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: RunBenchmarks RESULTS.json [JMH options] [benchmark regexps]");
            System.exit(2);
        }
        Path results = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(results.getParent());
        Files.deleteIfExists(results);
        List<String> jmh = new ArrayList<>(List.of("-rf", "json", "-rff", results.toString()));
        jmh.addAll(List.of(args).subList(1, args.length));
        org.openjdk.jmh.Main.main(jmh.toArray(String[]::new));
    }
}
