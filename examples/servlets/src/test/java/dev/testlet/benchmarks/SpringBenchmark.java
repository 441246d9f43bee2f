package dev.testlet.benchmarks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.examples.spring.JacksonJsonConverter;
import dev.testlet.examples.spring.PingController;
import dev.testlet.examples.spring.SpringApp;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Spring MockMvc, standalone, on a trivial controller that answers {@code {"ok":true}}, checked the way
 * MockMvc users check it; and, for the same controller, Testlet running the whole Spring app
 * ({@code DispatcherServlet} and all) on the real container.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpringBenchmark {

    @State(Scope.Benchmark)
    public static class Standalone {
        MockMvc mockMvc;

        @Setup(Level.Trial)
        public void build() {
            mockMvc = MockMvcBuilders.standaloneSetup(new PingController())
                    .setMessageConverters(new JacksonJsonConverter())
                    .build();
        }
    }

    @State(Scope.Benchmark)
    public static class OnJetty {
        TestClient client;

        @Setup(Level.Trial)
        public void start() {
            client = Testlet.start(SpringApp.app());
        }

        @TearDown(Level.Trial)
        public void stop() {
            client.close();
        }
    }

    @Benchmark
    public MvcResult mockMvc(Standalone spring) throws Exception {
        return spring.mockMvc.perform(get("/ping"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andReturn();
    }

    @Benchmark
    public Response testletOnSpring(OnJetty spring) {
        return spring.client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
    }
}
