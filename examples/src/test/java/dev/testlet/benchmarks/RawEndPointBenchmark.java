package dev.testlet.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
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
 * The floor: what one GET costs on Jetty's in-process connector without Testlet, done the fastest way
 * the study found. One kept-alive {@code LocalEndPoint}; wait until its connection has registered read
 * interest (so {@code addInput} runs the servlet on this thread), write the request, wait for the
 * response, parse it with Jetty's {@code HttpTester}, check the status.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
public class RawEndPointBenchmark {

    private static final byte[] REQUEST = PingApp.REQUEST.getBytes(StandardCharsets.US_ASCII);

    private Server server;
    private LocalConnector.LocalEndPoint endPoint;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new Server();
        LocalConnector connector = new LocalConnector(server, PingApp.http());
        server.addConnector(connector);
        server.setHandler(PingApp.context());
        server.start();
        endPoint = connector.connect();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        endPoint.close();
        server.stop();
    }

    @Benchmark
    public HttpTester.Response roundTrip() throws Exception {
        while (!endPoint.isFillInterested()) {
            Thread.onSpinWait();
        }
        endPoint.addInput(ByteBuffer.wrap(REQUEST));
        ByteBuffer bytes = endPoint.waitForResponse(false, 10, TimeUnit.SECONDS);
        HttpTester.Response response = HttpTester.parseResponse(bytes);
        if (response == null || response.getStatus() != 200) {
            throw new IllegalStateException("expected 200, got " + response);
        }
        return response;
    }
}
