package dev.testlet.internal;

import dev.testlet.engine.spi.UpgradedConnection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The client end of one WebSocket session: RFC 6455 on top of an {@link UpgradedConnection}.
 *
 * <p><b>Reading</b> happens when the test asks (a receive, an expectation, a close), on the test's
 * thread, with the test's deadline; there is no reader thread. Until then the server's frames wait in
 * the connection's bounded buffer, as they would in a socket's, in order, and a server that writes
 * more than the buffer holds waits for the test to read, as it would over a network. Bytes that came
 * with the 101, even in the same chunk, are read first. Frames are joined into messages and queued,
 * so nothing is lost and order is kept; pings are answered with pongs as they are read.
 *
 * <p><b>Writing</b> goes through one writer virtual thread per session, in order: Jetty runs the
 * endpoint on that thread, never on the test's, so an endpoint that blocks cannot hang a send, and
 * one that answers with more than the buffer holds cannot deadlock the test that must read it.
 */
public final class WebSocketChannel {

    /** A whole message from the server. */
    public record Message(boolean text, byte[] payload, int fragments) {}

    private final Object stop = new Object();

    private final UpgradedConnection connection;
    private final WebSocketTranscript transcript = new WebSocketTranscript();
    private final ReentrantLock reading = new ReentrantLock();
    private final WebSocketFrames.Decoder decoder;
    private final WebSocketFrames.Reassembler reassembler;
    private final ArrayDeque<Message> messages = new ArrayDeque<>();
    private final ArrayDeque<byte[]> pongs = new ArrayDeque<>();
    private final LinkedBlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
    private final Object sending = new Object();
    private volatile WebSocketFrames.@Nullable Close closeReceived;
    private volatile WebSocketFrames.@Nullable Close closeSent;
    private volatile boolean ended;
    private volatile @Nullable String failure;
    private volatile @Nullable Throwable writeFailure;

    /**
     * Starts the client end on an upgraded connection.
     *
     * @param connection the connection after the 101
     */
    public WebSocketChannel(UpgradedConnection connection) {
        this(connection, WebSocketFrames.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * Starts the client end on an upgraded connection, with a limit on each message from the server:
     * a bigger one fails the session with close code 1009 (Message Too Big) and a failure that names
     * the limit.
     *
     * @param connection the connection after the 101
     * @param maxMessageBytes the largest message, its fragments joined
     */
    public WebSocketChannel(UpgradedConnection connection, int maxMessageBytes) {
        this.decoder = new WebSocketFrames.Decoder(maxMessageBytes);
        this.reassembler = new WebSocketFrames.Reassembler(maxMessageBytes);
        this.connection = connection;
        Thread.ofVirtual().name("testlet-ws-writer").start(this::writeLoop);
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends one frame, masked. Returns once it is handed to the writer; frames arrive in the order sent.
     *
     * @param opcode the opcode
     * @param fin whether it ends its message
     * @param payload the payload
     * @throws IllegalStateException when the client already sent its close frame
     */
    public void send(int opcode, boolean fin, byte[] payload) {
        if (!trySend(opcode, fin, payload)) {
            throw new IllegalStateException("the session is closed (the client sent close "
                    + java.util.Objects.requireNonNull(closeSent).describe() + ")");
        }
    }

    /** Sends one frame unless the client already sent its close frame; false when it did. */
    private boolean trySend(int opcode, boolean fin, byte[] payload) {
        synchronized (sending) {
            if (closeSent != null) {
                return false;
            }
            if (opcode == WebSocketFrames.CLOSE) {
                closeSent = payload.length < 2 ? new WebSocketFrames.Close(1005, "")
                        : new WebSocketFrames.Close(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF),
                                new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
            }
            transcript.sent(opcode, fin, payload);
            outbox.add(WebSocketFrames.encode(opcode, fin, payload));
            return true;
        }
    }

    /**
     * Sends a close frame unless one was sent already.
     *
     * @param code the code, or -1 for a close frame without one
     * @param reason the reason
     */
    public void sendClose(int code, String reason) {
        trySend(WebSocketFrames.CLOSE, true, code < 0 ? new byte[0] : WebSocketFrames.closePayload(code, reason));
    }

    private void writeLoop() {
        try {
            while (true) {
                Object next = outbox.poll(1, TimeUnit.SECONDS);
                if (next == stop || (next == null && !connection.isOpen())) {
                    return;
                }
                if (next instanceof ByteBuffer frame && connection.isOpen() && writeFailure == null) {
                    try {
                        connection.write(frame, true);
                    } catch (RuntimeException e) {
                        // The session is over for the test: its next call says why (see isFinished).
                        writeFailure = e;
                    }
                } else if (next instanceof CompletableFuture<?> marker) {
                    marker.complete(null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the writer has written everything sent so far, or the deadline passes. */
    private void flush(long deadlineNanos) {
        CompletableFuture<Void> marker = new CompletableFuture<>();
        outbox.add(marker);
        try {
            marker.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // the connection is closed next anyway
        }
    }

    // ---------------------------------------------------------------- receiving

    /**
     * The next message, reading until one has come.
     *
     * @param deadlineNanos when to give up
     * @return the message; null when none came in time or the session ended (see {@link #closeReceived()},
     *     {@link #isEnded()}, {@link #failure()})
     */
    public @Nullable Message nextMessage(long deadlineNanos) {
        if (!lock(deadlineNanos)) {
            return null;
        }
        try {
            while (messages.isEmpty() && !isFinished()) {
                if (!pump(deadlineNanos)) {
                    return null;
                }
            }
            return messages.poll();
        } finally {
            reading.unlock();
        }
    }

    /**
     * The next pong, reading until one has come; messages that come meanwhile stay queued.
     *
     * @param deadlineNanos when to give up
     * @return the pong's payload, or null
     */
    public byte @Nullable [] nextPong(long deadlineNanos) {
        if (!lock(deadlineNanos)) {
            return null;
        }
        try {
            while (pongs.isEmpty() && !isFinished()) {
                if (!pump(deadlineNanos)) {
                    return null;
                }
            }
            return pongs.poll();
        } finally {
            reading.unlock();
        }
    }

    /**
     * Reads until the server's close frame, keeping the messages that come before it queued.
     *
     * @param deadlineNanos when to give up
     * @return true when the session finished (closed, dropped or failed) in time
     */
    public boolean awaitFinish(long deadlineNanos) {
        if (!lock(deadlineNanos)) {
            return false;
        }
        try {
            while (!isFinished()) {
                if (!pump(deadlineNanos)) {
                    return false;
                }
            }
            return true;
        } finally {
            reading.unlock();
        }
    }

    /** Whether a message is queued, without reading. */
    public boolean hasQueuedMessage() {
        reading.lock();
        try {
            return !messages.isEmpty();
        } finally {
            reading.unlock();
        }
    }

    private boolean lock(long deadlineNanos) {
        try {
            return reading.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Reads one chunk and handles its frames; false when nothing came before the deadline. */
    private boolean pump(long deadlineNanos) {
        ByteBuffer chunk;
        try {
            chunk = connection.read(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(1001, "the test's thread was interrupted while it read the session");
            return true;
        }
        if (chunk == null) {
            return false;
        }
        if (!chunk.hasRemaining()) {
            ended = true;
            if (closeReceived == null && failure == null) {
                transcript.note(false, "(the server dropped the connection without a close frame: 1006)");
            }
            return true;
        }
        decoder.feed(chunk);
        try {
            WebSocketFrames.Frame frame;
            while (closeReceived == null && failure == null && (frame = decoder.next()) != null) {
                handle(frame);
            }
        } catch (WebSocketFrames.ProtocolException e) {
            fail(e.closeCode(), e.getMessage());
        }
        return true;
    }

    private void handle(WebSocketFrames.Frame frame) {
        transcript.received(frame);
        switch (frame.opcode()) {
            case WebSocketFrames.PING -> trySend(WebSocketFrames.PONG, true, frame.payload());
            case WebSocketFrames.PONG -> pongs.add(frame.payload());
            case WebSocketFrames.CLOSE -> onClose(frame.payload());
            default -> {
                WebSocketFrames.Frame whole = reassembler.accept(frame);
                if (whole != null) {
                    if (whole.opcode() == WebSocketFrames.TEXT && WebSocketFrames.strictUtf8(whole.payload()) == null) {
                        throw new WebSocketFrames.ProtocolException(1007, "the server sent a text message that is not"
                                + " valid UTF-8: " + WebSocketTranscript.hex(whole.payload(), false));
                    }
                    messages.add(new Message(whole.opcode() == WebSocketFrames.TEXT, whole.payload(),
                            reassembler.fragmentsOfLast()));
                }
            }
        }
    }

    private void onClose(byte[] payload) {
        WebSocketFrames.Close close = WebSocketFrames.parseClose(payload);
        closeReceived = close;
        // Echo the code, as RFC 6455 5.5.1 asks; the server then closes the connection.
        sendClose(close.code() == 1005 ? -1 : close.code(), "");
    }

    private void fail(int code, String why) {
        if (failure == null) {
            failure = why;
            transcript.note(false, "(protocol error: " + why + ")");
            try {
                sendClose(code, "");
            } catch (IllegalArgumentException e) {
                // the close frame cannot carry it; the connection is dropped anyway
            }
        }
    }

    // ---------------------------------------------------------------- state

    /**
     * Whether the session is over: the server closed it, dropped the connection, or broke the
     * protocol, or writing to the connection failed.
     */
    public boolean isFinished() {
        return closeReceived != null || ended || failure != null || writeFailure != null;
    }

    /** The server's close frame, once read. */
    public WebSocketFrames.@Nullable Close closeReceived() {
        return closeReceived;
    }

    /** The close frame the client sent, if it did. */
    public WebSocketFrames.@Nullable Close closeSent() {
        return closeSent;
    }

    /** Whether the server dropped the connection (with or without a close frame first). */
    public boolean isEnded() {
        return ended;
    }

    /** How the server broke the protocol, if it did. */
    public @Nullable String failure() {
        return failure;
    }

    /** Why writing to the connection failed, if it did. */
    public @Nullable Throwable writeFailure() {
        return writeFailure;
    }

    /** The frames so far. */
    public WebSocketTranscript transcript() {
        return transcript;
    }

    /** The connection underneath. */
    public UpgradedConnection connection() {
        return connection;
    }

    /**
     * Ends the session politely: sends a close frame (unless one was sent), waits until the writer has
     * written it and the server has answered with its own close or dropped the connection, then drops
     * the connection. Idempotent; never waits past the deadline.
     *
     * @param code the close code
     * @param reason the reason
     * @param deadlineNanos how long the server has to answer
     * @return true when the session ended by the deadline (the server answered, dropped the
     *     connection or broke the protocol, or a write failed); false when the server had not answered
     */
    public boolean close(int code, String reason, long deadlineNanos) {
        try {
            if (connection.isOpen()) {
                if (!ended) {
                    sendClose(code, reason);
                }
                flush(deadlineNanos);
                awaitFinish(deadlineNanos);
                if (!ended && closeReceived != null && lock(deadlineNanos)) {
                    try {
                        // The server closes the connection after the close handshake; wait for it, briefly.
                        while (!ended && pump(deadlineNanos)) {
                            // reading until the end of the connection
                        }
                    } finally {
                        reading.unlock();
                    }
                }
            }
            return isFinished() || !connection.isOpen();
        } finally {
            outbox.add(stop);
            connection.close();
        }
    }
}
