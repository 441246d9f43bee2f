package dev.testlet.benchmarks;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.WebSocketSession;
import dev.testlet.engine.ServletApp;
import dev.testlet.examples.ws.EchoEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
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
 * The WebSocket echo round trip (send "hello", read "Echo: hello") through Testlet's DSL, next to
 * the floor: the same masked frame written straight into a Jetty {@link LocalConnector.LocalEndPoint}
 * and the echo frame read back, with no client library at all.
 *
 * <ul>
 *   <li>{@code dslEcho}: {@code ws.sendText("hello").expectText("Echo: hello")}. The frame is masked,
 *       recorded in the transcript and handed to the session's writer virtual thread, on which Jetty
 *       runs the endpoint; the test thread reads the echo, decodes and checks it.</li>
 *   <li>{@code rawEcho}: one pre-masked frame, {@code addInput} on the benchmark thread (so Jetty runs
 *       the endpoint on it), {@code takeOutput} until the 13-byte echo frame is there.</li>
 *   <li>{@code dslOpenClose}: a session opened and closed: the upgrade on a new connection and its
 *       101, the session's setup, the close handshake.</li>
 *   <li>{@code rawOpenClose}: the floor for opening: a new connection, the upgrade request, the whole
 *       101 read, the connection dropped.</li>
 * </ul>
 *
 * Targets: the DSL's echo median within 2x the raw one; a session opened in under 50 µs. The DSL pays
 * one hand-off each way for its echo (to the session's writer thread and back), so that an endpoint
 * that blocks, or answers with more than the connection buffers, can never hang the test: with the
 * frame written inline on the test thread the median was 3.2 µs, close to raw, but a blocking
 * {@code @OnMessage} then holds the test's own thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class WebSocketEchoBenchmark {

    /** "hello", masked with the key 0x37fa213d. */
    private static final byte[] HELLO_FRAME = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa, 0x21, 0x3d,
        0x5f, (byte) 0x9f, 0x4d, 0x51, 0x58};
    private static final byte[] UPGRADE = ("GET /ws/echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** The length of the echo frame: a 2-byte header and "Echo: hello". */
    private static final int ECHO_FRAME_LENGTH = 2 + "Echo: hello".length();

    private TestClient client;
    private WebSocketSession ws;

    private Server server;
    private LocalConnector connector;
    private LocalConnector.LocalEndPoint endPoint;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        client = Testlet.start(ServletApp.builder().websocket(EchoEndpoint.class).build());
        ws = client.given().websocket("/ws/echo");

        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> container.addEndpoint(EchoEndpoint.class));
        server.setHandler(context);
        server.start();
        endPoint = rawUpgrade();
        if (rawEcho() != ECHO_FRAME_LENGTH) {
            throw new IllegalStateException("the raw echo is not an echo");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        ws.close();
        client.close();
        endPoint.close();
        server.stop();
    }

    @Benchmark
    public WebSocketSession dslEcho() {
        return ws.sendText("hello").expectText("Echo: hello");
    }

    /**
     * Opening a session and closing it: the upgrade request and its 101 on a new connection, the
     * session's setup, then the close handshake.
     */
    @Benchmark
    public int dslOpenClose() {
        try (WebSocketSession session = client.given().websocket("/ws/echo")) {
            return session.handshake().status();
        }
    }

    /**
     * The floor for opening: a new connection, the upgrade request, the whole 101 read, and the
     * connection dropped (no close handshake).
     */
    @Benchmark
    public int rawOpenClose() throws InterruptedException {
        LocalConnector.LocalEndPoint opened = rawUpgrade();
        opened.close();
        return 101;
    }

    private LocalConnector.LocalEndPoint rawUpgrade() throws InterruptedException {
        LocalConnector.LocalEndPoint opened = connector.connect();
        opened.addInput(ByteBuffer.wrap(UPGRADE));
        StringBuilder response = new StringBuilder();
        while (!response.toString().contains("\r\n\r\n")) {
            ByteBuffer out = opened.waitForOutput(10, TimeUnit.SECONDS);
            if (out == null) {
                throw new IllegalStateException("no 101 from the raw endpoint; got: " + response);
            }
            response.append(StandardCharsets.US_ASCII.decode(out));
        }
        if (!response.toString().startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("the raw upgrade failed: " + response);
        }
        return opened;
    }

    @Benchmark
    public int rawEcho() throws InterruptedException {
        endPoint.addInput(ByteBuffer.wrap(HELLO_FRAME));
        int read = endPoint.takeOutput().remaining();
        while (read < ECHO_FRAME_LENGTH) {
            ByteBuffer out = endPoint.waitForOutput(10, TimeUnit.SECONDS);
            if (out == null) {
                throw new IllegalStateException("no echo within 10s");
            }
            read += out.remaining();
        }
        return read;
    }
}
