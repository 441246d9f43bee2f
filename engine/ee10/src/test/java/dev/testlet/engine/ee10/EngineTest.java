package dev.testlet.engine.ee10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.Engines;
import dev.testlet.engine.spi.LiveResponse;
import dev.testlet.engine.spi.Transport;
import dev.testlet.engine.spi.Upgrade;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine over Jetty's in-process connector, on this module's EE level. */
class EngineTest {

    /** What the streaming servlet saw when the client went away; read with a bound. */
    static final BlockingQueue<String> DISCONNECTS = new ArrayBlockingQueue<>(10);

    public static class ThreadName extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().write(Thread.currentThread().getName());
        }
    }

    public static class EchoHeader extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getWriter().write(String.valueOf(req.getHeader("X-Name")));
        }
    }

    public static class Chunked extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ServletOutputStream out = resp.getOutputStream();
            out.write("first,".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            out.write("second".getBytes(StandardCharsets.US_ASCII));
        }
    }

    public static class Big extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] in = req.getInputStream().readAllBytes();
            resp.setHeader("X-Received", Integer.toString(in.length));
            resp.getOutputStream().write(new byte[Integer.parseInt(req.getParameter("size"))]);
        }
    }

    public static class Closing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setHeader("Connection", "close");
            resp.getWriter().write("bye");
        }
    }

    public static class Async extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            Thread.ofVirtual().start(() -> {
                try {
                    async.getResponse().getWriter().write("done later");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                async.complete();
            });
        }
    }

    public static class Endless extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            ServletOutputStream out = resp.getOutputStream();
            try {
                for (int i = 0; ; i++) {
                    out.write(("tick " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(2);
                }
            } catch (IOException e) {
                DISCONNECTS.add("write failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends its headers, then nothing for up to ten seconds. */
    public static class Silent extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.flushBuffer();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    App app;
    Transport engine;

    @BeforeEach
    void start() {
        DISCONNECTS.clear();
        app = Engines.start(ServletApp.builder()
                .servlet("/thread", ThreadName.class)
                .servlet("/echo-header", EchoHeader.class)
                .servlet("/chunked", Chunked.class)
                .servlet("/big", Big.class)
                .servlet("/closing", Closing.class)
                .servlet("/async", Async.class)
                .servlet("/endless", Endless.class)
                .servlet("/silent", Silent.class)
                .build(), Duration.ofSeconds(10));
        engine = app.transport();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_sequential_request_runs_on_the_calling_thread_even_on_fresh_endpoints() {
        String me = Thread.currentThread().getName();
        for (int i = 0; i < 3_000; i++) {
            Exchange e = engine.execute(RequestPlan.of("GET", "/thread"), null);
            assertThat(new String(e.body(), StandardCharsets.UTF_8)).as("request %d", i).isEqualTo(me);
            if (i % 500 == 0) {
                engine.execute(RequestPlan.of("GET", "/closing"), null);
            }
        }
    }

    @Test
    void a_connection_the_server_closed_is_replaced_transparently() {
        Exchange bye = engine.execute(RequestPlan.of("GET", "/closing"), null);
        Exchange next = engine.execute(RequestPlan.of("GET", "/thread"), null);

        assertThat(bye.headers().first("Connection")).isEqualTo("close");
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    void chunked_bodies_are_decoded() {
        Exchange e = engine.execute(RequestPlan.of("GET", "/chunked"), null);

        assertThat(e.headers().first("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(new String(e.body(), StandardCharsets.US_ASCII)).isEqualTo("first,second");
    }

    @Test
    void head_responses_have_no_body_but_keep_the_connection_usable() {
        Exchange head = engine.execute(RequestPlan.of("HEAD", "/thread"), null);
        Exchange get = engine.execute(RequestPlan.of("GET", "/thread"), null);

        assertThat(head.bodyLength()).isZero();
        assertThat(get.bodyLength()).isPositive();
    }

    @Test
    void megabyte_bodies_go_both_ways() {
        RequestPlan plan = RequestPlan.of("POST", "/big?size=3000000").withBody(new byte[2_000_000]);

        Exchange e = engine.execute(plan, null);

        assertThat(e.headers().first("X-Received")).isEqualTo("2000000");
        assertThat(e.bodyLength()).isEqualTo(3_000_000);
    }

    @Test
    void an_interim_100_continue_is_skipped() {
        RequestPlan plan = RequestPlan.of("POST", "/big?size=1").withHeader("Expect", "100-continue").withBody(new byte[10]);

        Exchange e = engine.execute(plan, null);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.headers().first("X-Received")).isEqualTo("10");
    }

    /** Answers only once the test opens the gate, on another thread, so its response comes late. */
    public static final class Gate extends HttpServlet {
        final java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            Thread.ofVirtual().start(() -> {
                try {
                    open.await(5, TimeUnit.SECONDS);
                    async.getResponse().getWriter().write("smuggled");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                async.complete();
            });
        }
    }

    @Test
    void a_content_length_that_disagrees_with_the_body_is_refused_and_the_next_response_is_not_shifted() {
        String smuggled = "GET /gate HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RequestPlan plan = RequestPlan.of("POST", "/big?size=1").withHeader("Content-Length", "0")
                .withBody(smuggled.getBytes(StandardCharsets.US_ASCII));

        Throwable refused = sendThenFollow(plan);

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header Content-Length: 0 disagrees with the body of 39 bytes;"
                        + " remove the header: Testlet sets Content-Length from the body it sends");
    }

    @Test
    void a_transfer_encoding_set_by_the_test_is_refused_and_the_next_response_is_not_shifted() {
        String smuggled = "0\r\n\r\nGET /gate HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RequestPlan plan = RequestPlan.of("POST", "/big?size=1").withHeader("Transfer-Encoding", "chunked")
                .withBody(smuggled.getBytes(StandardCharsets.US_ASCII));

        Throwable refused = sendThenFollow(plan);

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header Transfer-Encoding: chunked is not allowed; remove it:"
                        + " Testlet frames the request itself and sends the body with a Content-Length");
    }

    /**
     * Sends a plan that may smuggle a {@code GET /gate}, lets that late response out, then sends
     * another request and checks it got its own response.
     *
     * @return what sending the plan threw, or null
     */
    private static @org.jspecify.annotations.Nullable Throwable sendThenFollow(RequestPlan plan) {
        Gate gate = new Gate();
        try (App own = Engines.start(ServletApp.builder()
                .servlet("/big", Big.class).servlet("/gate", gate).servlet("/thread", ThreadName.class).build(),
                Duration.ofSeconds(10))) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> own.transport().execute(plan, null));
            gate.open.countDown();
            Exchange next = own.transport().execute(RequestPlan.of("GET", "/thread").withTimeout(Duration.ofSeconds(5)), null);
            assertThat(new String(next.body(), StandardCharsets.UTF_8)).as("not the response to a smuggled GET /gate")
                    .isEqualTo(Thread.currentThread().getName());
            return thrown;
        }
    }

    @Test
    void a_content_length_that_agrees_with_the_body_is_sent_once() {
        RequestPlan plan = RequestPlan.of("POST", "/big?size=1").withHeader("content-length", "3")
                .withHeader("Content-Length", "3").withBody(new byte[3]);

        Exchange e = engine.execute(plan, null);

        assertThat(e.headers().first("X-Received")).isEqualTo("3");
        assertThat(e.request().headers().all("Content-Length")).containsExactly("3");
    }

    @Test
    void a_latin_1_header_value_reaches_the_app_as_written() {
        Exchange e = engine.execute(RequestPlan.of("GET", "/echo-header").withHeader("X-Name", "café ÿ"), null);

        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("café ÿ");
    }

    @Test
    void an_async_servlet_completing_on_another_thread_is_awaited() {
        Exchange e = engine.execute(RequestPlan.of("GET", "/async"), null);

        assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("done later");
        assertThat(engine.execute(RequestPlan.of("GET", "/thread"), null).status()).isEqualTo(200);
    }

    @Test
    void a_missing_host_header_is_added_and_a_given_one_kept() {
        Exchange e = engine.execute(RequestPlan.of("GET", "/thread").withHeader("Host", "example.org"), null);

        assertThat(e.request().headers().all("Host")).containsExactly("example.org");
        assertThat(engine.execute(RequestPlan.of("GET", "/thread"), null).request().headers().first("Host")).isEqualTo("localhost");
    }

    @Test
    void a_stream_delivers_each_flush_and_closing_it_makes_the_servers_next_write_fail() throws Exception {
        LiveResponse stream = engine.open(RequestPlan.of("GET", "/endless"), null);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headers().first("Content-Type")).startsWith("text/plain");
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("tick 3\n")) {
            ByteBuffer chunk = stream.next(Duration.ofSeconds(5));
            assertThat(chunk).as("a chunk within 5s; so far: %s", seen).isNotNull();
            seen.append(StandardCharsets.US_ASCII.decode(chunk));
        }
        stream.close();

        assertThat(seen.toString()).startsWith("tick 0\ntick 1\ntick 2\ntick 3\n");
        assertThat(DISCONNECTS.poll(5, TimeUnit.SECONDS)).startsWith("write failed: ");
        assertThat(stream.isEnded()).isTrue();
    }

    @Test
    void closing_a_stream_from_another_thread_wakes_a_reader_waiting_for_bytes() throws Exception {
        LiveResponse stream = engine.open(RequestPlan.of("GET", "/silent"), null);
        java.util.concurrent.CompletableFuture<ByteBuffer> read = new java.util.concurrent.CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                read.complete(stream.next(Duration.ofSeconds(10)));
            } catch (InterruptedException | RuntimeException e) {
                read.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((stream.handlerDump() == null || reader.getState() != Thread.State.TIMED_WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(stream.handlerDump()).contains("Silent.doGet");
        assertThat(reader.getState()).as("the reader is blocked waiting for bytes").isEqualTo(Thread.State.TIMED_WAITING);

        long start = System.nanoTime();
        stream.close();

        ByteBuffer chunk = read.get(2, TimeUnit.SECONDS);
        assertThat(chunk.hasRemaining()).as("the end of the body").isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
        assertThat(stream.isClosed()).isTrue();
        assertThat(stream.isEnded()).isTrue();
    }

    @Test
    void a_refused_upgrade_returns_the_response() {
        RequestPlan plan = new RequestPlan("GET", "/nowhere",
                Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Version", "13",
                        "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), new byte[0], Duration.ofSeconds(5));

        Upgrade handshake = engine.upgrade(plan, null);

        assertThat(handshake.accepted()).isFalse();
        assertThat(handshake.exchange().status()).isEqualTo(404);
    }

    @Test
    void a_closed_engine_refuses_requests_with_a_message() {
        app.close();

        IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
                () -> engine.execute(RequestPlan.of("GET", "/thread"), null));
        assertThat(e).hasMessageContaining("this app was closed");
    }
}
