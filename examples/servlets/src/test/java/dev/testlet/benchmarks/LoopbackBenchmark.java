package dev.testlet.benchmarks;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same app on a real port ({@code ServerConnector} on 127.0.0.1, Jetty's default thread pool), called
 * over loopback TCP by REST Assured, as its users write it, and by the JDK's {@code HttpClient}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class LoopbackBenchmark {

    private Server server;
    private RequestSpecification restAssured;
    private HttpClient http;
    private URI ping;
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server, PingApp.http());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(PingApp.context());
        server.start();
        int port = connector.getLocalPort();
        // The base URI and port once, in a spec (not RestAssured's static fields); everything else is
        // REST Assured's default, as a test suite gets it.
        restAssured = new RequestSpecBuilder().setBaseUri("http://127.0.0.1").setPort(port).build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ping = URI.create("http://127.0.0.1:" + port + "/ping");
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        http.close();
        server.stop();
    }

    @Benchmark
    public io.restassured.response.Response restAssured() {
        return RestAssured.given(restAssured)
                .get("/ping")
                .then().statusCode(200).body("ok", equalTo(true))
                .extract().response();
    }

    @Benchmark
    public JsonNode jdkHttpClient() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(ping).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode ok = mapper.readTree(response.body()).at("/ok");
        if (response.statusCode() != 200 || !ok.asBoolean()) {
            throw new IllegalStateException("expected 200 and /ok true, got " + response.statusCode() + " " + ok);
        }
        return ok;
    }
}
