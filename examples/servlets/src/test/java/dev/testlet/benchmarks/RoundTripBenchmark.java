package dev.testlet.benchmarks;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
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
 * One GET on the in-process connector, the fastest way without Testlet (the floor) and as a Testlet
 * user writes it. Both live in one class so that JMH runs them one right after the other (and then
 * {@link SpringBenchmark}'s MockMvc): on a machine shared with other builds, numbers measured minutes
 * apart see different loads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class RoundTripBenchmark {

    private static final byte[] REQUEST = PingApp.REQUEST.getBytes(StandardCharsets.US_ASCII);

    /** The app on a bare Jetty server, and one kept-alive endpoint to it. */
    @State(Scope.Benchmark)
    public static class RawJetty {
        Server server;
        LocalConnector.LocalEndPoint endPoint;

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
    }

    /** The app started by Testlet. */
    @State(Scope.Benchmark)
    public static class OnTestlet {
        TestClient client;

        @Setup(Level.Trial)
        public void start() {
            client = Testlet.start(PingApp.app());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
        }
    }

    /**
     * The floor: wait until the connection has registered read interest (so {@code addInput} runs the
     * servlet on this thread), write the request, wait for the response, parse it with Jetty's
     * {@code HttpTester}, check the status.
     */
    @Benchmark
    public HttpTester.Response rawFloor(RawJetty jetty) throws Exception {
        LocalConnector.LocalEndPoint endPoint = jetty.endPoint;
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

    /** A test's request: a GET, a status check and a JSON Pointer check, in sync mode. */
    @Benchmark
    public Response testletSyncGet(OnTestlet testlet) {
        return testlet.client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
    }
}
