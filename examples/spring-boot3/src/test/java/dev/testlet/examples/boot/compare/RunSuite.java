package dev.testlet.examples.boot.compare;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one test class in this JVM through the JUnit Platform and prints one line that
 * {@link SuiteComparison} reads: {@code SUITE passed=10 found=10 failed=0 millis=1234.5}, where
 * {@code millis} is the run of the tests alone (discovery excluded; the app's or Spring context's
 * start and stop included, as they are part of running the suite).
 *
 * <pre>{@code java -cp <test class path> dev.testlet.examples.boot.compare.RunSuite dev.testlet.examples.boot.compare.TestletSuiteTest}</pre>
 */
public final class RunSuite {

    private RunSuite() {}

    /**
     * @param args the fully qualified name of the test class
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: RunSuite <test class>");
            System.exit(2);
        }
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0])).build();
        var plan = launcher.discover(request);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(plan, listener);
        double millis = (System.nanoTime() - start) / 1e6;
        TestExecutionSummary summary = listener.getSummary();
        System.out.printf("SUITE passed=%d found=%d failed=%d millis=%.1f%n", summary.getTestsSucceededCount(),
                summary.getTestsFoundCount(), summary.getTotalFailureCount(), millis);
        if (summary.getTotalFailureCount() > 0 || summary.getTestsFoundCount() == 0) {
            summary.printFailuresTo(new PrintWriter(System.err, true), 30);
            System.exit(1);
        }
        System.exit(0);
    }
}
