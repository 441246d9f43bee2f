package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.internal.Checks;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Json;
import dev.testlet.internal.KotlinModuleHint;
import dev.testlet.internal.WebSocketChannel;
import dev.testlet.internal.WebSocketFailures;
import dev.testlet.internal.WebSocketFrames;
import dev.testlet.internal.TestBinding;
import dev.testlet.internal.snapshot.RecordedMessage;
import dev.testlet.internal.snapshot.Rendering;
import dev.testlet.internal.snapshot.SnapshotRenderer;
import dev.testlet.internal.snapshot.SnapshotSession;
import dev.testlet.internal.WebSocketTranscript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An open WebSocket session with the app, after a real HTTP/1.1 upgrade through Jetty. Send text,
 * binary or JSON; receive or expect what the server sends, in order. Close it when done (it is
 * {@link AutoCloseable}); a session the test forgets is closed when the app stops, with a warning.
 *
 * <pre>{@code
 * try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
 *     ws.sendText("hello").expectText("Echo: hello");
 *     ws.sendJson(Map.of("type", "ping")).expectJson("/type", "pong");
 * }
 * }</pre>
 *
 * <p>Kotlin: {@code client.given().websocket("/ws/echo").use { ws -> ws.sendText("hi"); ws.expectText("Echo: hi") }}
 *
 * <ul>
 *   <li>Messages the server sends before the test reads them (also from {@code @OnOpen}, even in the
 *       same bytes as the 101) wait in order; none is lost. Fragmented messages arrive whole.</li>
 *   <li>Every receive and expectation waits at most the session's timeout: the client's, or the
 *       request's {@code given().timeout(...)}, or {@link #withTimeout(Duration)}. A timeout fails with
 *       what was awaited, where the endpoint's thread is, and the transcript of every frame.</li>
 *   <li>Any failed expectation prints the handshake, the exception the endpoint threw (Jetty itself
 *       only sends a close frame, such as {@code 1003 Endpoint notification error}) and the transcript.</li>
 *   <li>The endpoint runs on a thread of the session, never on the test's, so an endpoint that
 *       blocks cannot hang a send. Frames the client sends are masked, as RFC 6455 requires; pings
 *       from the server are answered when the test reads.</li>
 * </ul>
 */
public final class WebSocketSession extends ResponseHead<WebSocketSession> implements AutoCloseable {

    private final LiveSession live;
    private final Duration timeout;

    WebSocketSession(LiveSession live, Duration timeout) {
        this.live = live;
        this.timeout = timeout;
    }

    /** The handshake's status line and headers, for the checks of {@link ResponseHead}. */
    @Override
    Exchange head() {
        return live.handshake.exchange();
    }

    @Override
    void raise(Expectations.Mismatch mismatch) {
        live.raise(mismatch);
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends a text message.
     *
     * <pre>{@code ws.sendText("hello").expectText("Echo: hello")}</pre>
     *
     * @param text the text (sent as UTF-8)
     * @return this session
     */
    public WebSocketSession sendText(String text) {
        return send(WebSocketFrames.TEXT, text.getBytes(StandardCharsets.UTF_8), "a text message");
    }

    /**
     * Sends a binary message.
     *
     * <pre>{@code ws.sendBinary(new byte[] {1, 2, 3}).expectBinary(new byte[] {1, 2, 3})}</pre>
     *
     * @param bytes the payload
     * @return this session
     */
    public WebSocketSession sendBinary(byte[] bytes) {
        return send(WebSocketFrames.BINARY, bytes.clone(), "a binary message");
    }

    /**
     * Sends an object as JSON in a text message (with the client's Jackson mapper).
     *
     * <pre>{@code ws.sendJson(Map.of("type", "ping")).expectJson("/type", "pong")}</pre>
     *
     * @param value the object; null sends {@code null}
     * @return this session
     */
    public WebSocketSession sendJson(@Nullable Object value) {
        return send(WebSocketFrames.TEXT, live.settings.mapper().writeValueAsBytes(value), "a JSON message");
    }

    /**
     * Sends one text message in several frames: the first a text frame, the rest continuations.
     *
     * <pre>{@code ws.sendTextFragments("Hel", "lo").expectText("Echo: Hello")}</pre>
     *
     * @param fragments the parts, at least one
     * @return this session
     */
    public WebSocketSession sendTextFragments(String... fragments) {
        byte[][] parts = new byte[fragments.length][];
        for (int i = 0; i < fragments.length; i++) {
            parts[i] = fragments[i].getBytes(StandardCharsets.UTF_8);
        }
        return sendFragments(WebSocketFrames.TEXT, parts, "a fragmented text message");
    }

    /**
     * Sends one binary message in several frames.
     *
     * <pre>{@code ws.sendBinaryFragments(new byte[] {1}, new byte[] {2, 3})}</pre>
     *
     * @param fragments the parts, at least one
     * @return this session
     */
    public WebSocketSession sendBinaryFragments(byte[]... fragments) {
        return sendFragments(WebSocketFrames.BINARY, fragments, "a fragmented binary message");
    }

    /**
     * Sends a ping with a payload; Jetty answers with a pong ({@link #expectPong(byte[])}).
     *
     * <pre>{@code ws.sendPing("are you there".getBytes(UTF_8)).expectPong("are you there".getBytes(UTF_8))}</pre>
     *
     * @param payload at most 125 bytes
     * @return this session
     */
    public WebSocketSession sendPing(byte[] payload) {
        return send(WebSocketFrames.PING, control(payload, "sendPing"), "a ping");
    }

    /**
     * Sends a ping without payload.
     *
     * <pre>{@code ws.sendPing().expectPong()}</pre>
     *
     * @return this session
     */
    public WebSocketSession sendPing() {
        return sendPing(new byte[0]);
    }

    /**
     * Sends an unsolicited pong (a heartbeat; an endpoint sees it as a {@code PongMessage}).
     *
     * <pre>{@code ws.sendPong("tick".getBytes(UTF_8))}</pre>
     *
     * @param payload at most 125 bytes
     * @return this session
     */
    public WebSocketSession sendPong(byte[] payload) {
        return send(WebSocketFrames.PONG, control(payload, "sendPong"), "a pong");
    }

    // ---------------------------------------------------------------- receiving

    /**
     * Waits for the next message and returns its text.
     *
     * <pre>{@code String greeting = ws.receiveText();}</pre>
     *
     * @return the text
     * @throws AssertionError when the next message is binary, the session ends, or none comes in time
     */
    public String receiveText() {
        WebSocketChannel.Message m = live.next("a text message, for receiveText()", timeout);
        if (!m.text()) {
            throw live.fail(Facts.of("expected", "a text message, for receiveText()").and("but was", WebSocketFailures.describe(m)));
        }
        return new String(m.payload(), StandardCharsets.UTF_8);
    }

    /**
     * Waits for the next message and returns its bytes.
     *
     * <pre>{@code byte[] chunk = ws.receiveBinary();}</pre>
     *
     * @return the payload
     * @throws AssertionError when the next message is text, the session ends, or none comes in time
     */
    public byte[] receiveBinary() {
        WebSocketChannel.Message m = live.next("a binary message, for receiveBinary()", timeout);
        if (m.text()) {
            throw live.fail(Facts.of("expected", "a binary message, for receiveBinary()").and("but was", WebSocketFailures.describe(m)));
        }
        return m.payload();
    }

    /**
     * Waits for the next message and parses it as JSON.
     *
     * <pre>{@code JsonNode event = ws.receiveJson();   // event.get("type").asString()}</pre>
     *
     * @return the JSON tree
     * @throws AssertionError when the message is not JSON, the session ends, or none comes in time
     */
    public JsonNode receiveJson() {
        return parse(live.next("a JSON message, for receiveJson()", timeout), "receiveJson()");
    }

    /**
     * Waits for the next message and reads it as an object with Jackson.
     *
     * <pre>{@code ChatMessage m = ws.receiveJson(ChatMessage.class);}</pre>
     *
     * @param type the class to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError when Jackson cannot read the message as that type, or no message comes
     */
    public <T> T receiveJson(Class<T> type) {
        JsonNode node = parse(live.next("a JSON message, for receiveJson(" + type.getSimpleName() + ".class)", timeout),
                "receiveJson(" + type.getSimpleName() + ".class)");
        try {
            return live.settings.mapper().treeToValue(node, type);
        } catch (JacksonException e) {
            throw unreadable(type.getName(), e, type, node);
        }
    }

    /**
     * Waits for the next message and reads it as a generic type with Jackson.
     *
     * <pre>{@code
     * List<Item> items = ws.receiveJson(new TypeReference<List<Item>>() {});
     * // Kotlin: val items = ws.receiveJson<List<Item>>()   (import dev.testlet.receiveJson)
     * }</pre>
     *
     * @param type the type to read
     * @param <T> the type
     * @return the object
     * @throws AssertionError when Jackson cannot read the message as that type, or no message comes
     */
    public <T> T receiveJson(TypeReference<T> type) {
        String call = "receiveJson(" + type.getType().getTypeName() + ")";
        JsonNode node = parse(live.next("a JSON message, for " + call, timeout), call);
        ObjectMapper mapper = live.settings.mapper();
        try {
            return mapper.readValue(mapper.treeAsTokens(node), type);
        } catch (JacksonException e) {
            throw unreadable(type.getType().getTypeName(), e, type.getType(), node);
        }
    }

    private AssertionError unreadable(String type, JacksonException e, java.lang.reflect.Type requested, JsonNode node) {
        return live.fail(KotlinModuleHint.addTo(Facts.of("expected", "a message Jackson can read as " + type)
                .and("but", Json.why(e)), live.settings.mapper(), e, requested)
                .and("message", Json.compact(node)));
    }

    /**
     * Waits for the next message, text or binary.
     *
     * <pre>{@code WebSocketMessage m = ws.receiveMessage();   // m.isText(), m.text(), m.bytes()}</pre>
     *
     * @return the message
     * @throws AssertionError when the session ends or no message comes in time
     */
    public WebSocketMessage receiveMessage() {
        WebSocketChannel.Message m = live.next("a message, for receiveMessage()", timeout);
        return new WebSocketMessage(m.text(), m.payload(), live.settings.mapper());
    }

    // ---------------------------------------------------------------- expectations

    /**
     * Expects the next message to be this text.
     *
     * <pre>{@code ws.sendText("hi").expectText("Echo: hi")}</pre>
     *
     * @param expected the text
     * @return this session
     */
    public WebSocketSession expectText(String expected) {
        String awaited = "text message " + WebSocketTranscript.quote(expected, false);
        WebSocketChannel.Message m = live.next(awaited, timeout);
        String actual = m.text() ? new String(m.payload(), StandardCharsets.UTF_8) : m.toString();
        return check(Expectations.text("the next message", expected, actual, "a text message "
                + WebSocketTranscript.quote(expected, false), WebSocketFailures.describe(m)));
    }

    /**
     * Expects the next message to be text that satisfies a predicate.
     *
     * <pre>{@code ws.expectTextMatching(text -> text.startsWith("Welcome"))}</pre>
     *
     * @param predicate true for an acceptable text
     * @return this session
     */
    public WebSocketSession expectTextMatching(Predicate<String> predicate) {
        return expectTextMatching("a text message matching the predicate", predicate);
    }

    /**
     * Expects the next message to be text that satisfies a predicate, described for the failure message.
     *
     * <pre>{@code ws.expectTextMatching("a greeting", text -> text.startsWith("Welcome"))}</pre>
     *
     * @param description what the predicate checks
     * @param predicate true for an acceptable text
     * @return this session
     */
    public WebSocketSession expectTextMatching(String description, Predicate<String> predicate) {
        WebSocketChannel.Message m = live.next(description, timeout);
        return m.text() && predicate.test(new String(m.payload(), StandardCharsets.UTF_8)) ? this
                : check(Facts.of("expected the next message", description).and("but was", WebSocketFailures.describe(m)));
    }

    /**
     * Expects the next message to be JSON with this value at a pointer (RFC 6901), compared as JSON:
     * numbers by value, objects regardless of field order.
     *
     * <pre>{@code ws.sendJson(Map.of("type", "ping")).expectJson("/type", "pong")}</pre>
     *
     * @param pointer "" for the whole message, or a pointer such as "/type"
     * @param expected the expected value: a string, number, boolean, list, map, record, {@code JsonNode}, or null
     * @return this session
     */
    public WebSocketSession expectJson(String pointer, @Nullable Object expected) {
        Json.pointer(pointer);
        JsonNode expectedNode = Json.toTree(live.settings.mapper(), expected);
        JsonNode root = parse(live.next("a JSON message with " + (pointer.isEmpty() ? "" : pointer + " = ")
                + Json.compact(expectedNode), timeout), "expectJson(\"" + pointer + "\", ...)");
        return check(withMessage(Expectations.json(live.settings.mapper(), root, pointer, expected, " of the next message"),
                root));
    }

    /**
     * Expects the next message, as JSON, to match a value under a comparison (strict, or lenient about
     * extra members and array order); reads the next message. A mismatch lists every difference.
     *
     * <pre>{@code ws.expectJson("", Map.of("type", "welcome"), JsonComparison.lenient())}</pre>
     *
     * @param pointer "" for the whole message, or a pointer such as "/user"
     * @param expected the value (anything Jackson serializes)
     * @param how strict or lenient, and where array order does not matter
     * @return this session
     */
    public WebSocketSession expectJson(String pointer, @Nullable Object expected, JsonComparison how) {
        Json.pointer(pointer);
        Response.requireComparison(how);
        JsonNode root = parse(live.next("a JSON message", timeout), "expectJson(\"" + pointer + "\", ...)");
        return check(withMessage(Expectations.json(live.settings.mapper(), root, pointer, expected, how.rules(),
                " of the next message"), root));
    }

    /**
     * Expects the JSON value at a pointer in the next message to satisfy a predicate; reads the next
     * message.
     *
     * <pre>{@code ws.expectJsonMatching("/items", items -> items.size() == 2)}</pre>
     *
     * @param pointer "" for the whole message, or a pointer such as "/items"
     * @param predicate true for an acceptable value
     * @return this session
     */
    public WebSocketSession expectJsonMatching(String pointer, Predicate<JsonNode> predicate) {
        return expectJsonMatching(pointer, "a value matching the predicate", predicate);
    }

    /**
     * Expects the JSON value at a pointer in the next message to satisfy a predicate, described for
     * the failure message; reads the next message.
     *
     * <pre>{@code ws.expectJsonMatching("/items", "two items", items -> items.size() == 2)}</pre>
     *
     * @param pointer "" for the whole message, or a pointer such as "/items"
     * @param description what the predicate checks
     * @param predicate true for an acceptable value
     * @return this session
     */
    public WebSocketSession expectJsonMatching(String pointer, String description, Predicate<JsonNode> predicate) {
        Json.pointer(pointer);
        JsonNode root = parse(live.next("a JSON message with " + description + " at " + pointer, timeout),
                "expectJsonMatching(\"" + pointer + "\", ...)");
        return check(withMessage(Expectations.jsonMatching(root, pointer, description, predicate, " of the next message"),
                root));
    }

    /**
     * Expects the next message to be binary with exactly these bytes.
     *
     * <pre>{@code ws.sendBinary(png).expectBinary(png)}</pre>
     *
     * @param expected the bytes
     * @return this session
     */
    public WebSocketSession expectBinary(byte[] expected) {
        String awaited = "binary message of " + expected.length + " bytes " + WebSocketTranscript.hex(expected, false);
        WebSocketChannel.Message m = live.next(awaited, timeout);
        return !m.text() && Arrays.equals(expected, m.payload()) ? this
                : check(Expectations.Mismatch.of(Facts.of("expected", awaited).and("but was", WebSocketFailures.describe(m)),
                        WebSocketTranscript.hex(expected, false), WebSocketTranscript.hex(m.payload(), false)));
    }

    /**
     * Expects a pong (the answer to {@link #sendPing()}), whatever its payload. Messages that arrive
     * before it stay queued for the next receive.
     *
     * <pre>{@code ws.sendPing().expectPong()}</pre>
     *
     * @return this session
     */
    public WebSocketSession expectPong() {
        awaitPong("a pong");
        return this;
    }

    /**
     * Expects a pong with this payload. Messages that arrive before it stay queued.
     *
     * <pre>{@code ws.sendPing(new byte[] {7}).expectPong(new byte[] {7})}</pre>
     *
     * @param payload the payload the pong must carry
     * @return this session
     */
    public WebSocketSession expectPong(byte[] payload) {
        String awaited = "a pong with " + (payload.length == 0 ? "no payload" : WebSocketTranscript.hex(payload, false));
        byte[] actual = awaitPong(awaited);
        return Arrays.equals(payload, actual) ? this : check(Facts.of("expected", awaited).and("but was", "a pong with "
                + (actual.length == 0 ? "no payload" : WebSocketTranscript.hex(actual, false))));
    }

    /**
     * Expects the server to close the session with this code, and nothing to come before the close.
     * Reads until the server's close frame; 1006 expects the connection to be dropped without one.
     *
     * <pre>{@code client.given().websocket("/ws/notifications?token=wrong").expectClose(1008)}</pre>
     *
     * @param code the close code: 1000 normal, 1008 policy violation, 1011 server error...
     * @return this session
     */
    public WebSocketSession expectClose(int code) {
        return expectCloseWith(code, null);
    }

    /**
     * Expects the server to close the session with this code and reason.
     *
     * <pre>{@code ws.expectClose(1008, "bad token")}</pre>
     *
     * @param code the close code
     * @param reason the exact reason
     * @return this session
     */
    public WebSocketSession expectClose(int code, String reason) {
        if (reason == null) {
            throw new IllegalArgumentException("expectClose reason is null; use expectClose(code) to ignore the reason");
        }
        return expectCloseWith(code, reason);
    }

    private WebSocketSession expectCloseWith(int code, @Nullable String reason) {
        String expected = reason == null ? code + " " + WebSocketFrames.closeCodeName(code)
                : new WebSocketClose(code, reason).toString();
        String awaited = "the server to close the session with " + expected;
        live.checkUsable("expectClose");
        WebSocketChannel.Message m = live.channel.nextMessage(System.nanoTime() + timeout.toNanos());
        if (m != null) {
            throw live.fail(Facts.of("expected", awaited)
                    .and("but", "the server sent " + WebSocketFailures.describe(m) + " first")
                    .and("to read messages first", "ws.receiveText() or ws.expectText(...) before expectClose"));
        }
        if (!live.channel.isFinished()) {
            throw live.timedOut(awaited, timeout);
        }
        WebSocketClose actual = closeStatus();
        if (live.channel.failure() != null || actual == null) {
            throw live.fail(Facts.of("expected", awaited).and("but", WebSocketFailures.whyFinished(live.channel)));
        }
        live.markExceptionSeen();
        live.remember(RecordedMessage.close(RecordedMessage.Direction.RECEIVED, actual.code(), actual.reason(),
                java.time.Instant.now()));
        if (actual.code() != code || (reason != null && !reason.equals(actual.reason()))) {
            return check(Expectations.Mismatch.of(Facts.of("expected close", expected).and("but was", actual.toString()),
                    expected, actual.toString()));
        }
        return this;
    }

    /**
     * Expects the server to send nothing (no message, no close) for a while: for what must not
     * happen, such as a broadcast reaching a user who left.
     *
     * <pre>{@code ws.expectNoMessage(Duration.ofMillis(200))}</pre>
     *
     * @param within how long to listen
     * @return this session
     */
    public WebSocketSession expectNoMessage(Duration within) {
        requirePositive(within, "expectNoMessage");
        String awaited = "no message within " + dev.testlet.internal.Failures.duration(within);
        live.checkUsable("expectNoMessage");
        WebSocketChannel.Message m = live.channel.nextMessage(System.nanoTime() + within.toNanos());
        if (m != null) {
            return check(Facts.of("expected", awaited).and("but received", WebSocketFailures.describe(m)));
        }
        if (live.channel.isFinished()) {
            return check(Facts.of("expected", awaited).and("but", WebSocketFailures.whyFinished(live.channel)));
        }
        return this;
    }

    /**
     * Expects the conversation so far (what the test sent and read, in order: texts, JSON pretty-printed,
     * binary as a digest, pings, pongs and closes) to match the test's snapshot. The first run writes
     * it next to the test's source; later runs compare, and a difference fails with both versions for an
     * IDE's diff. {@code -Dtestlet.snapshots=update} rewrites it; on CI (the {@code CI} variable set) a
     * missing snapshot fails. Redactions are the client's ({@link TestClient#withRedactedJson}).
     *
     * <pre>{@code
     * ws.sendJson(Map.of("type", "ping")).expectJson("/type", "pong");
     * ws.expectSnapshot();
     * }</pre>
     *
     * @return this session
     * @throws IllegalStateException outside a test run with the JUnit extension
     */
    public WebSocketSession expectSnapshot() {
        return snapshot(null);
    }

    /**
     * Like {@link #expectSnapshot()}, under a name of its own (unique within the test).
     *
     * <pre>{@code ws.expectSnapshot("after login")}</pre>
     *
     * @param name the snapshot's name in the test's file
     * @return this session
     */
    public WebSocketSession expectSnapshot(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("expectSnapshot needs a name that is not blank; use expectSnapshot()"
                    + " for a numbered one");
        }
        return snapshot(name);
    }

    private WebSocketSession snapshot(@Nullable String name) {
        SnapshotSession session = TestBinding.snapshots("ws.expectSnapshot()");
        if (live.conversationDropped() > 0) {
            throw new IllegalStateException("this conversation has more than " + LiveSession.CONVERSATION_LIMIT
                    + " messages, too many for a readable snapshot; snapshot a shorter session, or a part of it"
                    + " with expectJson and receive... ");
        }
        Rendering rendering = new SnapshotRenderer(live.settings.mapper())
                .transcript(live.conversation(), live.settings.snapshotRedactions());
        try {
            session.check(name, rendering);
        } catch (AssertionError e) {
            live.settings.scope().raise(e);
        }
        return this;
    }

    // ---------------------------------------------------------------- state

    /**
     * The same session, waiting at most this long in each receive and expectation.
     *
     * <pre>{@code ws.withTimeout(Duration.ofSeconds(30)).expectText("report ready")}</pre>
     *
     * @param timeout a positive duration
     * @return a view of this session with that timeout (closing either closes the session)
     */
    @CheckReturnValue
    public WebSocketSession withTimeout(Duration timeout) {
        requirePositive(timeout, "withTimeout");
        return new WebSocketSession(live, timeout);
    }

    /**
     * How long each receive and expectation waits.
     *
     * <pre>{@code ws.timeout()   // PT10S}</pre>
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The subprotocol the server chose ({@code Sec-WebSocket-Protocol}); ask for some with
     * {@code given().header("Sec-WebSocket-Protocol", "v2.chat, v1.chat")}.
     *
     * <pre>{@code ws.subprotocol()   // "v2.chat"}</pre>
     *
     * @return the chosen subprotocol, or null when the server chose none
     */
    public @Nullable String subprotocol() {
        return live.handshake.header("Sec-WebSocket-Protocol");
    }

    /**
     * The server's {@code 101 Switching Protocols} response, with its headers and cookies.
     *
     * <pre>{@code ws.handshake().expectHeader("Sec-WebSocket-Protocol", "v2.chat")}</pre>
     *
     * @return the handshake response
     */
    public Response handshake() {
        return live.handshake;
    }

    /**
     * How the server closed the session, as read so far (no waiting).
     *
     * <pre>{@code ws.closeStatus()   // 1000 Normal Closure, or null while open}</pre>
     *
     * @return the close, with code 1006 when the connection was dropped without a close frame; null while open
     */
    public @Nullable WebSocketClose closeStatus() {
        WebSocketFrames.Close close = live.channel.closeReceived();
        if (close != null) {
            return new WebSocketClose(close.code(), close.reason());
        }
        return live.channel.isEnded() ? new WebSocketClose(1006, "") : null;
    }

    /**
     * Whether messages can still be sent and received: the handshake succeeded and neither side has
     * closed, as far as the test has read.
     *
     * <pre>{@code ws.isOpen()}</pre>
     *
     * @return true while open
     */
    public boolean isOpen() {
        return !live.isClosedByTest() && !live.channel.isFinished() && live.channel.closeSent() == null;
    }

    /**
     * The first exception the app's endpoint threw in this session, if any (in-process only). Jetty
     * sends only a close frame for it; this is the exception itself.
     *
     * <pre>{@code ws.expectClose(1011); assertThat(ws.serverException()).hasMessage("boom");}</pre>
     *
     * @return the exception, or null
     */
    public @Nullable Throwable serverException() {
        return live.serverException();
    }

    /**
     * Every frame so far, both ways, as failures print it.
     *
     * <pre>{@code System.out.println(ws.transcript());}</pre>
     *
     * @return the transcript
     */
    public String transcript() {
        return live.channel.transcript().render(live.title());
    }

    /**
     * Closes the session normally (1000): sends the close frame, waits (at most the timeout) for the
     * server's answer, then drops the connection. Idempotent. Fails if the endpoint threw an exception
     * the test has not seen (unless the client returns server exceptions as responses).
     *
     * <pre>{@code try (WebSocketSession ws = client.given().websocket("/ws/echo")) { ... }   // closed here}</pre>
     */
    @Override
    public void close() {
        live.close(1000, "", timeout);
    }

    /**
     * Closes the session with a code and reason of the test's choosing.
     *
     * <pre>{@code ws.close(4000, "bye")}</pre>
     *
     * @param code 1000-1003, 1007-1014, or 3000-4999
     * @param reason the reason, at most 123 bytes of UTF-8
     */
    public void close(int code, String reason) {
        if (!WebSocketFrames.isSendableCloseCode(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 7.4); use 1000"
                    + " (normal), 1001 (going away), 1008 (policy violation), or an application code 4000-4999");
        }
        WebSocketFrames.closePayload(code, reason);
        live.close(code, reason, timeout);
    }

    /**
     * The session as failures print it: the handshake and the transcript.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "WebSocketSession " + live.title() + " (" + WebSocketFailures.state(live.channel) + ")";
    }

    // ---------------------------------------------------------------- helpers

    private WebSocketSession send(int opcode, byte[] payload, String what) {
        live.checkSendable(what);
        live.channel.send(opcode, true, payload);
        live.rememberSent(opcode, payload);
        return this;
    }

    private WebSocketSession sendFragments(int opcode, byte[][] fragments, String what) {
        if (fragments.length == 0) {
            throw new IllegalArgumentException(what + " needs at least one fragment");
        }
        live.checkSendable(what);
        java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < fragments.length; i++) {
            live.channel.send(i == 0 ? opcode : WebSocketFrames.CONTINUATION, i == fragments.length - 1,
                    fragments[i].clone());
            whole.writeBytes(fragments[i]);
        }
        live.rememberSent(opcode, whole.toByteArray());
        return this;
    }

    private static byte[] control(byte[] payload, String call) {
        if (payload.length > WebSocketFrames.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException(call + " takes at most 125 bytes (RFC 6455 5.5), but got "
                    + payload.length + "; send larger data with sendBinary");
        }
        return payload.clone();
    }

    private JsonNode parse(WebSocketChannel.Message m, String call) {
        try {
            return live.settings.mapper().readTree(m.payload());
        } catch (JacksonException e) {
            throw live.fail(Facts.of("expected", "a JSON message, for " + call)
                    .and("but", "it is not JSON: " + Json.why(e))
                    .and("message", WebSocketFailures.describe(m)));
        }
    }

    private static Expectations.@Nullable Mismatch withMessage(Expectations.@Nullable Mismatch mismatch, JsonNode message) {
        if (mismatch != null) {
            mismatch.facts().and("message", Json.compact(message));
        }
        return mismatch;
    }

    private static void requirePositive(Duration d, String call) {
        Checks.positive(d, "the duration given to " + call, "Duration.ofMillis(200)");
    }

    private byte[] awaitPong(String awaited) {
        live.checkUsable("expectPong");
        byte[] pong = live.channel.nextPong(System.nanoTime() + timeout.toNanos());
        if (pong == null) {
            throw live.noMessage(awaited, timeout);
        }
        live.remember(RecordedMessage.control(RecordedMessage.Direction.RECEIVED, RecordedMessage.Kind.PONG, pong,
                java.time.Instant.now()));
        return pong;
    }
}
