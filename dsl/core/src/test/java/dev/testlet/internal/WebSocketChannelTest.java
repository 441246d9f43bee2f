package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.engine.spi.UpgradedConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The client end of a session over a connection whose writes fail. */
class WebSocketChannelTest {

    /** A connection that never has bytes to read and whose every write fails, as a reset socket's does. */
    static final class BrokenConnection implements UpgradedConnection {
        final RequestPlan plan = RequestPlan.of("GET", "/ws/echo");
        final AtomicInteger writes = new AtomicInteger();
        volatile boolean open = true;

        @Override
        public void write(ByteBuffer bytes, boolean inline) {
            writes.incrementAndGet();
            throw new TransportException(plan, "writing to the connection of GET /ws/echo failed: Connection reset");
        }

        @Override
        public @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException {
            Thread.sleep(Math.max(0, Math.min(20, (deadlineNanos - System.nanoTime()) / 1_000_000)));
            return null;
        }

        @Override
        public RequestPlan request() {
            return plan;
        }

        @Override
        public @Nullable Throwable serverException() {
            return null;
        }

        @Override
        public boolean awaitAppSideClosed(long deadlineNanos) {
            return true;
        }

        @Override
        public List<ServerLogRecord> serverLog() {
            return List.of();
        }

        @Override
        public @Nullable String handlerDump() {
            return null;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    @Test
    void a_failed_write_ends_the_session_and_the_next_call_says_why() {
        BrokenConnection connection = new BrokenConnection();
        WebSocketChannel channel = new WebSocketChannel(connection);

        channel.send(WebSocketFrames.TEXT, true, "first".getBytes(StandardCharsets.UTF_8));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(channel::isFinished);
        channel.send(WebSocketFrames.TEXT, true, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(channel.writeFailure()).isInstanceOf(TransportException.class);
        assertThat(WebSocketFailures.whyFinished(channel)).isEqualTo("writing to the connection failed: writing to the"
                + " connection of GET /ws/echo failed: Connection reset (the frames sent after that were not delivered)");
        assertThat(WebSocketFailures.state(channel)).startsWith("failed: writing to the connection failed: ");
        assertThat(channel.nextMessage(System.nanoTime() + 1_000_000_000L)).isNull();
        assertThat(channel.close(1000, "", System.nanoTime() + 1_000_000_000L)).isTrue();
        assertThat(connection.writes.get()).as("frames written after the failure").isEqualTo(1);
    }
}
