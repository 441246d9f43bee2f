package dev.testlet.benchmarks;

import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a fresh app per test costs on a warm JVM: {@code Testlet.start(app).close()}, without and with the
 * Jakarta WebSocket container; and, for reference, a bare Jetty server with the same servlet on a
 * {@code LocalConnector} and a {@code VirtualThreadPool}, started and stopped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
public class StartStopBenchmark {

    private final ServletApp plain = PingApp.app();
    private final ServletApp withWebSocket = PingApp.withWebSocket();

    @Benchmark
    public void testlet() {
        Testlet.start(plain).close();
    }

    @Benchmark
    public void testletWithWebSocket() {
        Testlet.start(withWebSocket).close();
    }

    @Benchmark
    public void rawJetty() throws Exception {
        Server server = new Server(new VirtualThreadPool());
        server.addConnector(new LocalConnector(server, PingApp.http()));
        server.setHandler(PingApp.context());
        server.start();
        server.stop();
    }
}
