package dev.testlet.benchmarks;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import java.util.concurrent.TimeUnit;
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

/** A test's request as users write it: a GET, a status check and a JSON Pointer check, in sync mode. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class TestletBenchmark {

    private TestClient client;

    @Setup(Level.Trial)
    public void start() {
        client = Testlet.start(PingApp.app());
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
    }

    @Benchmark
    public Response syncGet() {
        return client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
    }
}
