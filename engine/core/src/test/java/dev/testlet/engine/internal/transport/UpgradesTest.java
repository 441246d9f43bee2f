package dev.testlet.engine.internal.transport;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.Upgrade;
import dev.testlet.engine.spi.UpgradedConnection;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class UpgradesTest {

    /** A wire that answers with the chunks given, in order, then ends. */
    private static final class ScriptedWire implements Wire {
        private final Deque<ByteBuffer> chunks = new ArrayDeque<>();
        private boolean open = true;

        ScriptedWire(byte[]... chunks) {
            for (byte[] c : chunks) {
                this.chunks.add(ByteBuffer.wrap(c));
            }
        }

        @Override
        public void send(ByteBuffer bytes, boolean inline) {}

        @Override
        public @Nullable ByteBuffer read(long deadlineNanos) {
            ByteBuffer next = chunks.poll();
            return next == null ? ByteBuffer.allocate(0) : next;
        }

        @Override
        public void carry(@Nullable InFlight request) {}

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    private static final byte[] SWITCHING = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n").getBytes(ISO_8859_1);
    private static final byte[] WELCOME_FRAME = {(byte) 0x81, 0x07, 'w', 'e', 'l', 'c', 'o', 'm', 'e'};

    @Test
    void a_frame_in_the_same_chunk_as_the_101_is_read_first_after_the_upgrade() throws Exception {
        byte[] chunk = new byte[SWITCHING.length + WELCOME_FRAME.length];
        System.arraycopy(SWITCHING, 0, chunk, 0, SWITCHING.length);
        System.arraycopy(WELCOME_FRAME, 0, chunk, SWITCHING.length, WELCOME_FRAME.length);
        byte[] later = {(byte) 0x81, 0x01, '!'};
        ScriptedWire wire = new ScriptedWire(chunk, later);

        Upgrade handshake = Upgrades.perform(wire, ByteBuffer.allocate(0), RequestPlan.of("GET", "/ws"), null, () -> {});

        assertThat(handshake.accepted()).isTrue();
        assertThat(handshake.exchange().status()).isEqualTo(101);
        UpgradedConnection connection = handshake.connection();
        assertThat(bytesOf(connection.read(System.nanoTime()))).isEqualTo(WELCOME_FRAME);
        assertThat(bytesOf(connection.read(System.nanoTime()))).isEqualTo(later);
        assertThat(connection.read(System.nanoTime()).hasRemaining()).as("the end").isFalse();
    }

    @Test
    void a_refusal_closes_the_wire_and_keeps_the_response() {
        ScriptedWire wire = new ScriptedWire(("HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\nno").getBytes(ISO_8859_1));
        boolean[] released = {false};

        Upgrade handshake = Upgrades.perform(wire, ByteBuffer.allocate(0), RequestPlan.of("GET", "/ws"), null,
                () -> released[0] = true);

        assertThat(handshake.accepted()).isFalse();
        assertThat(new String(handshake.exchange().body(), ISO_8859_1)).isEqualTo("no");
        assertThat(wire.isOpen()).isFalse();
        assertThat(released[0]).isTrue();
    }

    private static byte[] bytesOf(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
