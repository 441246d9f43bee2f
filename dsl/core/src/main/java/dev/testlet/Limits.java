package dev.testlet;

import java.util.Locale;

/**
 * How much a client holds at once: the longest line of a streamed body or an event stream, the
 * largest server-sent event, the largest WebSocket message, the largest response body read whole.
 * Past a limit, Testlet fails with a message that names the limit and how to raise it, instead of
 * running out of memory. Immutable; each {@code with...} returns a new value.
 *
 * <pre>{@code
 * TestClient roomy = client.withLimits(client.limits().withMaxMessageBytes(64 * 1024 * 1024));
 * Limits.defaults();   // lines 1 MiB, events 4 MiB, WebSocket messages 16 MiB, bodies 64 MiB
 * }</pre>
 *
 * @param maxLineBytes the longest line, in bytes without its line end, that {@code nextLine} or an
 *     event stream reads (default 1 MiB)
 * @param maxEventBytes the most data lines one server-sent event may accumulate, in bytes (default 4 MiB)
 * @param maxMessageBytes the largest WebSocket message, its fragments joined, in bytes (default 16 MiB)
 * @param maxBodyBytes the largest response body read whole into memory, in bytes (default 64 MiB);
 *     read bigger ones with {@code stream(...)}
 */
public record Limits(int maxLineBytes, int maxEventBytes, int maxMessageBytes, int maxBodyBytes) {

    private static final int MIB = 1024 * 1024;

    /**
     * Checks that every limit is positive.
     *
     * <pre>{@code new Limits(1 << 20, 4 << 20, 16 << 20, 64 << 20)}</pre>
     *
     * @param maxLineBytes the longest line
     * @param maxEventBytes the largest event
     * @param maxMessageBytes the largest WebSocket message
     * @param maxBodyBytes the largest body read whole
     * @throws IllegalArgumentException naming the limit that is zero or negative
     */
    public Limits {
        positive("maxLineBytes", maxLineBytes, "withMaxLineBytes");
        positive("maxEventBytes", maxEventBytes, "withMaxEventBytes");
        positive("maxMessageBytes", maxMessageBytes, "withMaxMessageBytes");
        positive("maxBodyBytes", maxBodyBytes, "withMaxBodyBytes");
    }

    /**
     * The limits every client starts with: lines 1 MiB, events 4 MiB, WebSocket messages 16 MiB,
     * bodies 64 MiB.
     *
     * <pre>{@code Limits.defaults().maxLineBytes()   // 1048576}</pre>
     *
     * @return the defaults
     */
    public static Limits defaults() {
        return new Limits(MIB, 4 * MIB, 16 * MIB, 64 * MIB);
    }

    /**
     * A copy with another line limit, for {@code StreamingResponse.nextLine} and event streams.
     *
     * <pre>{@code client.withLimits(client.limits().withMaxLineBytes(8 * 1024 * 1024))}</pre>
     *
     * @param bytes the longest line, in bytes; positive
     * @return the new limits
     */
    public Limits withMaxLineBytes(int bytes) {
        return new Limits(bytes, maxEventBytes, maxMessageBytes, maxBodyBytes);
    }

    /**
     * A copy with another limit on one server-sent event's data.
     *
     * <pre>{@code client.withLimits(client.limits().withMaxEventBytes(32 * 1024 * 1024))}</pre>
     *
     * @param bytes the largest event, in bytes; positive
     * @return the new limits
     */
    public Limits withMaxEventBytes(int bytes) {
        return new Limits(maxLineBytes, bytes, maxMessageBytes, maxBodyBytes);
    }

    /**
     * A copy with another limit on one WebSocket message (fragments joined).
     *
     * <pre>{@code client.withLimits(client.limits().withMaxMessageBytes(64 * 1024 * 1024))}</pre>
     *
     * @param bytes the largest message, in bytes; positive
     * @return the new limits
     */
    public Limits withMaxMessageBytes(int bytes) {
        return new Limits(maxLineBytes, maxEventBytes, bytes, maxBodyBytes);
    }

    /**
     * A copy with another limit on a response body read whole; {@code stream(...)} reads any size.
     *
     * <pre>{@code client.withLimits(client.limits().withMaxBodyBytes(512 * 1024 * 1024))}</pre>
     *
     * @param bytes the largest body, in bytes; positive
     * @return the new limits
     */
    public Limits withMaxBodyBytes(int bytes) {
        return new Limits(maxLineBytes, maxEventBytes, maxMessageBytes, bytes);
    }

    private static void positive(String name, int value, String with) {
        if (value <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be positive, but was %d; a limit is a number of bytes, for example"
                            + " Limits.defaults().%s(8 * 1024 * 1024) for 8 MiB", name, value, with));
        }
    }
}
