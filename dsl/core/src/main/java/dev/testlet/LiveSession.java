package dev.testlet;

import dev.testlet.engine.spi.UpgradedConnection;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.WebSocketChannel;
import dev.testlet.internal.WebSocketFailures;
import dev.testlet.internal.WebSocketFrames;
import dev.testlet.internal.har.HarEntry;
import dev.testlet.internal.snapshot.RecordedMessage;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The live state of one WebSocket session, shared by the {@link WebSocketSession} views of it (they
 * differ only in their timeout): the channel, the handshake, the client's settings, and what the
 * test has been told. It turns the channel's outcomes into Testlet failures: facts, then the
 * handshake, the endpoint's exception and the transcript.
 */
final class LiveSession {

    /** How long the end of a scope gives a forgotten session to finish its close handshake. */
    private static final long SCOPE_END_CLOSE_NANOS = 2_000_000_000L;

    /** How long a finished session waits for the app's side to report what its endpoint threw. */
    private static final long SETTLE_NANOS = 2_000_000_000L;

    final ClientSettings settings;
    final Response handshake;
    final WebSocketChannel channel;
    private volatile boolean exceptionReported;
    private volatile boolean closedByTest;
    private volatile int messagesRead;
    private volatile Runnable forget = () -> {};
    /** What the test sent and read, in order, for snapshots and HAR; bounded. */
    private final java.util.List<RecordedMessage> conversation = new java.util.ArrayList<>();
    private int conversationDropped;
    private final java.time.Instant started = java.time.Instant.now();

    LiveSession(ClientSettings settings, Response handshake, UpgradedConnection connection) {
        this.settings = settings;
        this.handshake = handshake;
        this.channel = new WebSocketChannel(connection, settings.limits().maxMessageBytes());
    }

    /** How many messages of a conversation are kept for snapshots and HAR. */
    static final int CONVERSATION_LIMIT = 1_000;

    /** Keeps a message the test sent or read. */
    void remember(RecordedMessage message) {
        synchronized (conversation) {
            if (conversation.size() < CONVERSATION_LIMIT) {
                conversation.add(message);
            } else {
                conversationDropped++;
            }
        }
    }

    /** Keeps a whole message the test sent (text, binary, ping, pong). */
    void rememberSent(int opcode, byte[] payload) {
        java.time.Instant now = java.time.Instant.now();
        remember(switch (opcode) {
            case WebSocketFrames.TEXT -> RecordedMessage.text(RecordedMessage.Direction.SENT,
                    new String(payload, java.nio.charset.StandardCharsets.UTF_8), now);
            case WebSocketFrames.BINARY -> RecordedMessage.binary(RecordedMessage.Direction.SENT, payload, now);
            case WebSocketFrames.PING -> RecordedMessage.control(RecordedMessage.Direction.SENT, RecordedMessage.Kind.PING,
                    payload, now);
            default -> RecordedMessage.control(RecordedMessage.Direction.SENT, RecordedMessage.Kind.PONG, payload, now);
        });
    }

    /** The conversation so far, and how many messages did not fit. */
    java.util.List<RecordedMessage> conversation() {
        synchronized (conversation) {
            return java.util.List.copyOf(conversation);
        }
    }

    int conversationDropped() {
        synchronized (conversation) {
            return conversationDropped;
        }
    }

    /** Gives the handshake the scope recorded its session's HAR entry (with the messages). */
    private void recordSession() {
        Response h = handshake;
        settings.scope().recordSession(h.exchange(), HarEntry.webSocket(started, h.exchange().request(), h.status(),
                h.exchange().reason(), h.headers(), conversation(),
                java.time.Duration.between(started, java.time.Instant.now())));
    }

    /** Registers the session with its scope, which closes it if the test does not. */
    void trackIn(TestScope scope) {
        forget = scope.track(this::closeIfLeftOpen, "WebSocket session " + title());
    }

    /**
     * Closes the session with 1000 if the test left it open, quietly (its scope has ended), waiting at
     * most a couple of seconds for the server's answer.
     *
     * @return a note for the warning ("" or what the endpoint threw unseen); null when the test had
     *     closed it
     */
    private @Nullable String closeIfLeftOpen() {
        if (closedByTest) {
            return null;
        }
        closedByTest = true;
        long wait = Math.min(SCOPE_END_CLOSE_NANOS, settings.timeout().toNanos());
        if (!channel.close(1000, "", System.nanoTime() + wait)) {
            return " (the server did not answer its close frame within " + Failures.duration(Duration.ofNanos(wait)) + ")";
        }
        settle();
        recordSession();
        Throwable thrown = channel.connection().serverException();
        return thrown != null && !exceptionReported ? " (its endpoint threw " + thrown + ", which the test never saw)" : "";
    }


    String title() {
        return WebSocketFailures.title(handshake.exchange().request());
    }

    /**
     * The next message, or a failure saying why none came: a timeout (with where the endpoint's
     * thread is), the server's close (with what the endpoint threw), a protocol error.
     */
    WebSocketChannel.Message next(String awaited, Duration timeout) {
        checkUsable(awaited);
        WebSocketChannel.Message message = channel.nextMessage(System.nanoTime() + timeout.toNanos());
        if (message != null) {
            messagesRead++;
            java.time.Instant now = java.time.Instant.now();
            remember(message.text()
                    ? RecordedMessage.text(RecordedMessage.Direction.RECEIVED,
                            new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8), now)
                    : RecordedMessage.binary(RecordedMessage.Direction.RECEIVED, message.payload(), now));
            return message;
        }
        throw noMessage(awaited, timeout);
    }

    /** Why no message came: the session ended, or time ran out. */
    AssertionError noMessage(String awaited, Duration timeout) {
        if (channel.isFinished()) {
            return fail(Facts.of("expected", awaited).and("but", WebSocketFailures.whyFinished(channel)));
        }
        return timedOut(awaited, timeout);
    }

    AssertionError timedOut(String awaited, Duration timeout) {
        String dump = channel.connection().handlerDump();
        Facts facts = Facts.of("timed out after", Failures.duration(timeout))
                .and("waiting for", awaited)
                .and("received", "nothing in that time; " + messagesRead + " message" + (messagesRead == 1 ? "" : "s")
                        + " read before (see the transcript)")
                .and("endpoint thread", dump == null ? "none is inside the endpoint now" : dump)
                .and("to wait longer", "ws.withTimeout(Duration), given().timeout(Duration) or client.withTimeout(Duration)");
        if (messagesRead > 0 && awaited.contains("JSON")) {
            facts.and("note", "each receive... and expect... reads the next message; to check several values of one"
                    + " message, use receiveJson() and assert on it, or expectJson(\"\", wholeMessage)");
        }
        return fail(facts);
    }

    /** Fails a send or receive on a session the test closed, or the server closed, with the reason. */
    void checkUsable(String what) {
        if (closedByTest) {
            throw new IllegalStateException("cannot do " + what + ": the test closed this session (" + title()
                    + "); open a new one with given().websocket(path)");
        }
    }

    /** Fails a send the server can no longer take. */
    void checkSendable(String what) {
        checkUsable(what);
        if (channel.isFinished()) {
            throw fail(Facts.of("expected", "to send " + what).and("but", WebSocketFailures.whyFinished(channel)));
        }
    }

    /** A failed expectation: thrown (with what the endpoint threw as its cause), or collected inside {@code softly}. */
    void raise(Expectations.Mismatch mismatch) {
        settle();
        try {
            settings.scope().raise(withSession(mismatch.facts()), context(), mismatch.withValues(), mismatch.expected(),
                    mismatch.actual());
        } catch (AssertionError e) {
            throw withCause(e);
        }
    }

    AssertionError fail(Facts facts) {
        settle();
        return withCause(Failures.of(withSession(facts), context()));
    }

    AssertionError fail(Facts facts, @Nullable Object expected, @Nullable Object actual) {
        settle();
        return withCause(Failures.of(withSession(facts), context(), expected, actual));
    }

    private Facts withSession(Facts facts) {
        facts.and("session", title() + ", " + WebSocketFailures.state(channel));
        Throwable thrown = channel.connection().serverException();
        if (thrown != null) {
            facts.and("the endpoint threw", WebSocketFailures.oneLine(thrown));
        }
        return facts;
    }

    private AssertionError withCause(AssertionError error) {
        Throwable thrown = channel.connection().serverException();
        if (thrown != null) {
            exceptionReported = true;
            error.initCause(thrown);
        } else if (channel.writeFailure() != null) {
            error.initCause(channel.writeFailure());
        }
        return error;
    }

    String context() {
        return WebSocketFailures.context(handshake.exchange(), channel, settings.secrets());
    }

    /**
     * Once the server has closed the session, waits (briefly) until the app's side has finished:
     * Jetty sends the close frame before it reports what the endpoint threw.
     */
    void settle() {
        if (channel.isFinished() || closedByTest) {
            channel.connection().awaitAppSideClosed(System.nanoTime()
                    + Math.min(SETTLE_NANOS, settings.timeout().toNanos()));
        }
    }

    @Nullable Throwable serverException() {
        settle();
        Throwable thrown = channel.connection().serverException();
        if (thrown != null) {
            exceptionReported = true;
        }
        return thrown;
    }

    void markExceptionSeen() {
        settle();
        if (channel.connection().serverException() != null) {
            exceptionReported = true;
        }
    }

    boolean isClosedByTest() {
        return closedByTest;
    }

    /**
     * Closes the session with a close frame and waits for the server's answer, then fails if the
     * endpoint threw something the test has not seen (unless the client returns server exceptions
     * as responses): a server error is never lost.
     */
    void close(int code, String reason, Duration timeout) {
        if (closedByTest) {
            return;
        }
        closedByTest = true;
        forget.run();
        remember(RecordedMessage.close(RecordedMessage.Direction.SENT, code, reason, java.time.Instant.now()));
        if (!channel.close(code, reason, System.nanoTime() + timeout.toNanos())) {
            // Reported now, within the timeout: no settling, the server's side is stuck.
            recordSession();
            WebSocketFrames.Close sent = channel.closeSent();
            String dump = channel.connection().handlerDump();
            throw withCause(Failures.of(withSession(Facts.of("expected", "the server to answer the close frame ("
                            + (sent == null ? code + " " + WebSocketFrames.closeCodeName(code) : sent.describe())
                            + ") within " + Failures.duration(timeout))
                    .and("but", "no close frame came, and the connection is still open")
                    .and("endpoint thread", dump == null ? "none is inside the endpoint now" : dump)
                    .and("then", "the test dropped the connection; the endpoint's next write fails")), context()));
        }
        settle();
        recordSession();
        Throwable thrown = channel.connection().serverException();
        if (thrown != null && !exceptionReported && settings.rethrowServerExceptions()) {
            exceptionReported = true;
            AssertionError error = Failures.of(withSession(Facts.of("expected", "the session to end without an error in the endpoint")
                    .and("but", "the endpoint threw, and the test did not read the session after that")
                    .and("to assert on it", "ws.expectClose(code), or ws.serverException()")), context());
            error.initCause(thrown);
            throw error;
        }
    }
}
