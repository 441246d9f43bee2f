package dev.testlet.benchmarks;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an idle app holds: before each iteration, 100 apps are started and the heap (after full GCs)
 * and the platform threads are counted before and after; the per-app figures are reported as the
 * secondary metrics {@code heapKbPerIdleApp} (started, no request yet), {@code heapKbPerAppAfterOneGet}
 * (each has answered one GET, so it also holds a kept-alive connection) and {@code platformThreadsPerApp}.
 * The timed part is a GET sent round-robin to the 100 apps.
 *
 * <p>JMH sums such event counters over iterations and forks; the report takes the mean of the
 * per-iteration values instead (each iteration measures anew).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
public class IdleAppBenchmark {

    static final int APPS = 100;

    @State(Scope.Benchmark)
    public static class Apps {
        final ServletApp app = PingApp.app();
        final List<TestClient> clients = new ArrayList<>(APPS);
        double kbPerIdleApp;
        double kbPerAppAfterOneGet;
        double threadsPerApp;
        int next;

        @Setup(Level.Iteration)
        public void startAll() throws InterruptedException {
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            for (int i = 0; i < APPS; i++) {
                clients.add(Testlet.start(app));
            }
            long heapStarted = usedHeapAfterGc();
            int threadsStarted = ManagementFactory.getThreadMXBean().getThreadCount();
            for (TestClient client : clients) {
                client.given().get("/ping").expectStatus(200);
            }
            long heapAfterGet = usedHeapAfterGc();
            kbPerIdleApp = (heapStarted - heapBefore) / 1024.0 / APPS;
            kbPerAppAfterOneGet = (heapAfterGet - heapBefore) / 1024.0 / APPS;
            threadsPerApp = (threadsStarted - threadsBefore) / (double) APPS;
        }

        @TearDown(Level.Iteration)
        public void stopAll() {
            clients.forEach(TestClient::close);
            clients.clear();
        }

        private static long usedHeapAfterGc() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(20);
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    /** The per-app figures, as JMH secondary metrics. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Footprint {
        public double heapKbPerIdleApp;
        public double heapKbPerAppAfterOneGet;
        public double platformThreadsPerApp;
    }

    @Benchmark
    public Response getOnOneOf100IdleApps(Apps apps, Footprint footprint) {
        footprint.heapKbPerIdleApp = apps.kbPerIdleApp;
        footprint.heapKbPerAppAfterOneGet = apps.kbPerAppAfterOneGet;
        footprint.platformThreadsPerApp = apps.threadsPerApp;
        TestClient client = apps.clients.get(apps.next++ % APPS);
        return client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
    }
}
