package dev.testlet.benchmarks;

import dev.testlet.EventStream;
import dev.testlet.ServerSentEvent;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
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

/**
 * Server-sent events through the public DSL, in-process: how many events per second {@code next()}
 * hands out, how long an event takes from the server's flush to {@code next()}, and 10,000 events in
 * a row (checked complete and in order). DESIGN.md's target: an event flushed by the server is
 * visible to {@code next()} within 1 ms median.
 *
 * <ul>
 *   <li>{@link #nextFromAFirehose}: a blocking servlet writes and flushes events as fast as it can
 *       (bounded by the connection's 256 KiB buffer); one op is one {@code next()}, so ops/s is
 *       events/s, the order checked on each.</li>
 *   <li>{@link #flushToNext}: the servlet writes one event when the benchmark asks (a hand-off to
 *       its thread), stamped with {@code System.nanoTime()} just before its flush; one op is asking
 *       plus {@code next()}, sampled, so it bounds flush-to-next from above. The exact flush-to-next
 *       times (now minus the stamp) are collected too, and their percentiles printed at the end.</li>
 *   <li>{@link #tenThousandInARow}: opens a stream of 10,000 events, takes them all (checking each
 *       id), expects the end and closes: events/s = 10,000 / op time.</li>
 * </ul>
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EventStreamBenchmark {

    /** Events {@code id: n, data: n}, flushed one by one; ?count= of them, endless by default. */
    public static final class Firehose extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            long count = req.getParameter("count") == null ? Long.MAX_VALUE : Long.parseLong(req.getParameter("count"));
            resp.setContentType("text/event-stream");
            ServletOutputStream out = resp.getOutputStream();
            try {
                for (long n = 1; n <= count; n++) {
                    out.write(("id: " + n + "\ndata: " + n + "\n\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException disconnected) {
                // the benchmark closed the stream
            }
        }
    }

    /** Writes one event each time the benchmark asks, its data the nanoTime just before the flush. */
    public static final class OnDemand extends HttpServlet {
        private final BlockingQueue<Boolean> asks;

        public OnDemand(BlockingQueue<Boolean> asks) {
            this.asks = asks;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/event-stream");
            resp.flushBuffer();
            ServletOutputStream out = resp.getOutputStream();
            try {
                while (true) {
                    if (asks.poll(1, TimeUnit.SECONDS) == null) {
                        out.write(":\n".getBytes(StandardCharsets.US_ASCII));   // a heartbeat finds out about a disconnect
                        out.flush();
                        continue;
                    }
                    out.write(("data: " + System.nanoTime() + "\n\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException | InterruptedException disconnected) {
                // the benchmark closed the stream
            }
        }
    }

    /** One app with both servlets, and open streams on it. */
    @State(Scope.Thread)
    public static class App {
        final SynchronousQueue<Boolean> asks = new SynchronousQueue<>();
        TestClient client;
        EventStream firehose;
        EventStream onDemand;
        long expectedId;
        long[] latencies = new long[1 << 20];
        int samples;

        @Setup(Level.Trial)
        public void start() {
            ServletApp app = ServletApp.builder()
                    .servlet("/firehose", Firehose.class)
                    .servlet("/on-demand", new OnDemand(asks))
                    .build();
            client = Testlet.start(app);
            firehose = client.given().sse("/firehose");
            onDemand = client.given().sse("/on-demand");
        }

        @TearDown(Level.Trial)
        public void stop() {
            firehose.close();
            onDemand.close();
            client.close();
            if (samples > 0) {
                long[] sorted = Arrays.copyOf(latencies, Math.min(samples, latencies.length));
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%nflush-to-next over %,d events: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs,"
                        + " max %.1f µs%n", sorted.length, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                        sorted[sorted.length - 1] / 1e3);
            }
        }

        private static double at(long[] sorted, double quantile) {
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e3;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ServerSentEvent nextFromAFirehose(App app) {
        ServerSentEvent event = app.firehose.next();
        if (!event.id().equals(Long.toString(++app.expectedId))) {
            throw new IllegalStateException("expected event " + app.expectedId + " but got " + event);
        }
        return event;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ServerSentEvent flushToNext(App app) throws InterruptedException {
        app.asks.put(Boolean.TRUE);
        ServerSentEvent event = app.onDemand.next();
        long received = System.nanoTime();
        app.latencies[app.samples++ & (app.latencies.length - 1)] = received - Long.parseLong(event.data());
        return event;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int tenThousandInARow(App app) {
        try (EventStream events = app.client.given().queryParam("count", 10_000).sse("/firehose")) {
            List<ServerSentEvent> all = events.take(10_000);
            for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).data().equals(Integer.toString(i + 1))) {
                    throw new IllegalStateException("event " + (i + 1) + " was " + all.get(i));
                }
            }
            events.expectEnd();
            return all.size();
        }
    }
}
