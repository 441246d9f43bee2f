package dev.testlet.engine.spi;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A connection after {@code 101 Switching Protocols}: raw bytes both ways (WebSocket frames, framed by
 * the caller). Bytes the server sent in the same chunk as the 101 come first. For an app in this JVM
 * it also knows what the app's endpoint threw and logged, and which thread runs it now.
 *
 * <pre>{@code
 * UpgradedConnection c = upgrade.connection();
 * c.write(maskedFrame, false);
 * ByteBuffer in = c.read(System.nanoTime() + 1_000_000_000L);
 * }</pre>
 */
public interface UpgradedConnection extends AutoCloseable {

    /**
     * Writes bytes to the server.
     *
     * <pre>{@code connection.write(frame, false)}</pre>
     *
     * @param bytes one or more whole frames
     * @param inline in-process: true runs the server's handling on the calling thread, false on a
     *     virtual thread; a socket ignores it
     * @throws TransportException when the connection cannot take the bytes (it was closed, the
     *     socket failed); the cause says why
     */
    void write(ByteBuffer bytes, boolean inline);

    /**
     * The next bytes from the server.
     *
     * <pre>{@code ByteBuffer b = connection.read(System.nanoTime() + timeout.toNanos());}</pre>
     *
     * @param deadlineNanos when to give up, in {@link System#nanoTime()} terms
     * @return bytes; an empty buffer when the server closed the connection; null on timeout
     * @throws InterruptedException if interrupted
     */
    @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException;

    /**
     * The handshake request that opened this connection.
     *
     * <pre>{@code connection.request().target()}</pre>
     *
     * @return the request as sent
     */
    RequestPlan request();

    /**
     * The first exception the app's endpoint threw in this session (Jetty itself only sends a close
     * frame for it).
     *
     * <pre>{@code connection.serverException()}</pre>
     *
     * @return the exception, or null (always null for a server outside this JVM)
     */
    @Nullable Throwable serverException();

    /**
     * Waits until the app's side of the session has closed, so that what its endpoint threw while
     * closing has been recorded (Jetty sends the close frame first and reports the error after).
     *
     * <pre>{@code connection.awaitAppSideClosed(System.nanoTime() + 2_000_000_000L)}</pre>
     *
     * @param deadlineNanos when to stop waiting
     * @return true when the app's side is closed, or cannot be seen (a server outside this JVM)
     */
    boolean awaitAppSideClosed(long deadlineNanos);

    /**
     * What the app logged while handling this session (at most 500 records).
     *
     * <pre>{@code connection.serverLog()}</pre>
     *
     * @return the records; empty for a server outside this JVM
     */
    List<ServerLogRecord> serverLog();

    /**
     * Where the thread running the app's endpoint for this session is now, if one is inside it.
     *
     * <pre>{@code connection.handlerDump()}</pre>
     *
     * @return the thread's name, state and stack; null when no thread is running the endpoint
     */
    @Nullable String handlerDump();

    /**
     * Whether the connection is open.
     *
     * <pre>{@code connection.isOpen()}</pre>
     *
     * @return true until closed by either side
     */
    boolean isOpen();

    /** Closes the connection abruptly (the caller sends a close frame first). Idempotent. */
    @Override
    void close();
}
