package dev.testlet.benchmarks;

import dev.testlet.AsyncClient;
import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Async mode: requests on virtual threads, each driving its own endpoint, so the handler runs on that
 * virtual thread. Throughput in requests per second (one invocation is 10,000 checked requests), and
 * the time 10,000 requests released at once by {@code concurrently} take, which also proves they all
 * succeed (any failure fails the benchmark).
 */
@State(Scope.Benchmark)
@Fork(2)
public class AsyncBenchmark {

    static final int REQUESTS = 10_000;
    static final int CLIENTS = 1_000;

    private TestClient client;

    @Setup(Level.Trial)
    public void start() {
        client = Testlet.start(PingApp.app()).withTimeout(Duration.ofSeconds(30));
    }

    @TearDown(Level.Trial)
    public void stop() {
        client.close();
    }

    /** {@code client.async()}: 10,000 requests, at most 1,000 in flight, each checked when it completes. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REQUESTS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void asyncClient() throws InterruptedException {
        AsyncClient async = client.async();
        Semaphore inFlight = new Semaphore(CLIENTS);
        CountDownLatch done = new CountDownLatch(REQUESTS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < REQUESTS; i++) {
            inFlight.acquire();
            async.given().get("/ping").whenComplete((response, error) -> {
                try {
                    if (error != null) {
                        throw error;
                    }
                    response.expectStatus(200).expectJson("/ok", true);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    inFlight.release();
                    done.countDown();
                }
            });
        }
        done.await();
        rethrow(failure.get());
    }

    /** 1,000 virtual-thread clients, each sending 10 checked requests one after the other. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(REQUESTS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void virtualThreadClients() throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                        client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        rethrow(failure.get());
    }

    /** 10,000 requests released together by one barrier; fails if any of them fails. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public List<Response> concurrently10k() {
        return client.concurrently(REQUESTS, c -> c.given().get("/ping").expectStatus(200).expectJson("/ok", true));
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
