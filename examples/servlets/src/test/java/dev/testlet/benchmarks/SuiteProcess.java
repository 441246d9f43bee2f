package dev.testlet.benchmarks;

import static org.hamcrest.Matchers.equalTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.examples.spring.JacksonJsonConverter;
import dev.testlet.examples.spring.PingController;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole test suite as one fresh JVM: start the app, send N checked {@code GET /ping} (status 200 and
 * {@code {"ok":true}}), stop. {@code RunProcesses} launches one process per run and variant and measures
 * them from the outside; this process prints, on its last line, the instants at which it began
 * {@code main} and had its first checked response (for the time to first response), and when it finished.
 *
 * <pre>{@code java -cp <test classpath> dev.testlet.benchmarks.SuiteProcess testlet 200}</pre>
 *
 * Variants, each the way its users write it: {@code testlet} ({@code Testlet.start(app)} and the DSL),
 * {@code rawJetty} (a bare Jetty server with a {@code LocalConnector}, a kept-alive endpoint, Jetty's
 * {@code HttpTester} and a Jackson check), {@code mockMvc} (Spring MockMvc standalone on the same
 * controller as {@code SpringBenchmark}), {@code restAssured} and {@code jdkHttpClient} (the servlet on a
 * Jetty {@code ServerConnector} at 127.0.0.1, called over loopback TCP).
 */
public final class SuiteProcess {

    /** The variants, in the order the table lists them. */
    public static final java.util.List<String> VARIANTS = java.util.List.of("testlet", "rawJetty", "mockMvc",
            "restAssured", "jdkHttpClient");

    private SuiteProcess() {}

    /**
     * @param args the variant and the number of requests
     * @throws Exception when a request fails its check
     */
    public static void main(String[] args) throws Exception {
        Instant began = Instant.now();
        String variant = args[0];
        int requests = Integer.parseInt(args[1]);
        Instant[] first = new Instant[1];
        Runnable firstDone = () -> {
            if (first[0] == null) {
                first[0] = Instant.now();
            }
        };
        switch (variant) {
            case "testlet" -> testlet(requests, firstDone);
            case "rawJetty" -> rawJetty(requests, firstDone);
            case "mockMvc" -> mockMvc(requests, firstDone);
            case "restAssured", "jdkHttpClient" -> loopback(variant, requests, firstDone);
            default -> throw new IllegalArgumentException("unknown variant " + variant + "; one of " + VARIANTS);
        }
        System.out.println("began=" + began + " first=" + first[0] + " done=" + Instant.now());
    }

    private static void testlet(int requests, Runnable firstDone) {
        try (TestClient client = Testlet.start(PingApp.app())) {
            for (int i = 0; i < requests; i++) {
                client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
                firstDone.run();
            }
        }
    }

    private static void rawJetty(int requests, Runnable firstDone) throws Exception {
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server, PingApp.http());
        server.addConnector(connector);
        server.setHandler(PingApp.context());
        server.start();
        JsonMapper mapper = JsonMapper.builder().build();
        byte[] request = PingApp.REQUEST.getBytes(StandardCharsets.US_ASCII);
        LocalConnector.LocalEndPoint endPoint = connector.connect();
        for (int i = 0; i < requests; i++) {
            while (!endPoint.isFillInterested()) {
                Thread.onSpinWait();
            }
            endPoint.addInput(ByteBuffer.wrap(request));
            HttpTester.Response response = HttpTester.parseResponse(endPoint.waitForResponse(false, 10, TimeUnit.SECONDS));
            if (response == null || response.getStatus() != 200
                    || !mapper.readTree(response.getContentBytes()).at("/ok").asBoolean()) {
                throw new IllegalStateException("expected 200 and /ok true, got " + response);
            }
            firstDone.run();
        }
        endPoint.close();
        server.stop();
    }

    private static void mockMvc(int requests, Runnable firstDone) throws Exception {
        MockMvc mockMvc = MockMvcBuilders.standaloneSetup(new PingController())
                .setMessageConverters(new JacksonJsonConverter())
                .build();
        for (int i = 0; i < requests; i++) {
            mockMvc.perform(get("/ping")).andExpect(status().isOk()).andExpect(jsonPath("$.ok").value(true));
            firstDone.run();
        }
    }

    private static void loopback(String variant, int requests, Runnable firstDone) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server, PingApp.http());
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(PingApp.context());
        server.start();
        int port = connector.getLocalPort();
        try {
            if (variant.equals("restAssured")) {
                RequestSpecification spec = new RequestSpecBuilder().setBaseUri("http://127.0.0.1").setPort(port).build();
                for (int i = 0; i < requests; i++) {
                    RestAssured.given(spec).get("/ping").then().statusCode(200).body("ok", equalTo(true));
                    firstDone.run();
                }
            } else {
                JsonMapper mapper = JsonMapper.builder().build();
                URI ping = URI.create("http://127.0.0.1:" + port + "/ping");
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    for (int i = 0; i < requests; i++) {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(ping).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 || !mapper.readTree(response.body()).at("/ok").asBoolean()) {
                            throw new IllegalStateException("expected 200 and /ok true, got " + response.statusCode());
                        }
                        firstDone.run();
                    }
                }
            }
        } finally {
            server.stop();
        }
    }
}
