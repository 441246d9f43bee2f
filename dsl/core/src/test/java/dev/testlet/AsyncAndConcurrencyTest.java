package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.EchoServlet;
import dev.testlet.fixtures.TestApps;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncAndConcurrencyTest {

    /** Counts requests without synchronisation, so concurrent requests can lose updates. */
    public static class RacyCounter extends HttpServlet {
        private int count;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int seen = count;
            Thread.yield();
            count = seen + 1;
            resp.getWriter().write(Integer.toString(count));
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(Integer.toString(count));
        }
    }

    /** Records how many requests are inside it at once. */
    public static class Gate extends HttpServlet {
        static final AtomicInteger INSIDE = new AtomicInteger();
        static final AtomicInteger MAX_INSIDE = new AtomicInteger();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            int now = INSIDE.incrementAndGet();
            MAX_INSIDE.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                INSIDE.decrementAndGet();
            }
            resp.getWriter().write(Thread.currentThread().getName());
        }
    }

    TestClient client;

    @BeforeEach
    void start() {
        ServletApp app = TestApps.builder().servlet("/counter", new RacyCounter()).servlet("/gate", Gate.class).build();
        client = Testlet.start(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void an_async_request_runs_the_handler_on_its_own_virtual_thread() {
        Response r = client.async().given().get("/echo").join();

        assertThat(r.json("/thread").asString()).isEqualTo("testlet-async");
        assertThat(r.json("/thread").asString()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void async_requests_overlap_in_the_app() {
        Gate.MAX_INSIDE.set(0);

        List<CompletableFuture<Response>> pending = IntStream.range(0, 20)
                .mapToObj(i -> client.async().given().get("/gate")).toList();
        pending.forEach(f -> f.join().expectStatus(200));

        assertThat(Gate.MAX_INSIDE.get()).isGreaterThan(1);
    }

    @Test
    void inheritable_thread_locals_reach_the_request_thread_and_others_only_when_registered() {
        InheritableThreadLocal<String> inherited = new InheritableThreadLocal<>();
        inherited.set("inherited");
        EchoServlet.TEST_THREAD_VALUE.set("carried");
        try {
            client.async().given().get("/echo").join().expectJson("/threadValue", null);
            client.async().withThreadLocal(EchoServlet.TEST_THREAD_VALUE).given().get("/echo").join()
                    .expectJson("/threadValue", "carried");
            String seen = CompletableFuture.supplyAsync(inherited::get,
                    r -> Thread.ofVirtual().start(r)).join();
            assertThat(seen).isEqualTo("inherited");
        } finally {
            EchoServlet.TEST_THREAD_VALUE.remove();
        }
    }

    @Test
    void a_failed_expectation_inside_an_async_request_surfaces_at_join() {
        CompletableFuture<Response> future = client.async().given().get("/status/404")
                .thenApply(r -> r.expectStatus(200));

        expectFailure(() -> {
            try {
                future.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause();
            }
        }).hasFact("expected status", "200");
    }

    @Test
    void concurrently_releases_all_calls_together_so_a_race_shows() {
        List<Response> all = client.concurrently(200, c -> c.given().post("/counter").expectStatus(200));

        assertThat(all).hasSize(200);
        int count = Integer.parseInt(client.given().get("/counter").text());
        assertThat(count).as("the unsynchronised counter lost updates under a real race").isLessThan(200);
    }

    @Test
    void concurrently_returns_results_in_call_order() {
        AtomicInteger next = new AtomicInteger();
        List<Integer> order = client.concurrently(10, c -> {
            c.given().get("/json");
            return next.getAndIncrement();
        });

        assertThat(order).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void concurrently_reports_every_failure_with_its_index() {
        AtomicInteger index = new AtomicInteger();
        AssertionError error = expectFailure(() -> client.concurrently(6, c -> {
            int i = index.getAndIncrement();
            return c.given().get("/status/{code}", i % 2 == 0 ? 200 : 500).expectStatus(200);
        }))
                .hasFact("expected", "all 6 concurrent calls to succeed")
                .hasFact("but", "3 failed")
                .mentions("expected status : 200")
                .error();

        // Which calls draw an odd number depends on scheduling; each failure names its own call index.
        assertThat(error.getMessage().lines()
                .filter(line -> line.matches("(failures : | +)#[0-5] expected status: 200; but was: 500 Server Error")))
                .hasSize(3);
    }

    @Test
    void ten_thousand_concurrent_requests_finish_without_error() {
        List<Response> all = client.concurrently(10_000, c -> c.given().get("/json"));

        assertThat(all).hasSize(10_000).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void a_concurrent_call_that_never_finishes_is_reported_with_its_stack() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            expectFailure(() -> client.withTimeout(java.time.Duration.ofMillis(300)).concurrently(2, c -> {
                never.await(1, TimeUnit.MINUTES);
                return null;
            }))
                    .hasFact("but", "2 failed")
                    .mentions("#0 still running after 300ms")
                    .mentions("at java.base/java.util.concurrent.CountDownLatch.await");
        } finally {
            never.countDown();
        }
    }

    @Test
    void concurrent_virtual_threads_each_drive_their_own_connection() {
        java.util.Set<String> threads = ConcurrentHashMap.newKeySet();
        client.concurrently(20, c -> threads.add(c.given().get("/echo").json("/thread").asString()));

        assertThat(threads).hasSize(20).allMatch(name -> name.startsWith("testlet-concurrent-"));
    }
}
