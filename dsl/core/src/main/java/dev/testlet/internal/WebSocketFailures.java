package dev.testlet.internal;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.spi.Secrets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a failed WebSocket expectation prints after its facts: the handshake, what the endpoint threw
 * and logged, and the transcript of every frame both ways.
 *
 * <pre>
 * --- handshake ---
 * GET /ws/echo HTTP/1.1
 * ...
 * --- response: 101 Switching Protocols ---
 * ...
 * --- server exception (thrown by the endpoint) ---
 * java.lang.IllegalStateException: boom
 *     at com.example.EchoEndpoint.onMessage(EchoEndpoint.java:12)
 *     ... 23 frames of Jetty below the endpoint
 * --- WebSocket transcript: GET /ws/echo (1 frame sent, 1 received) ---
 *   +0.000ms  -&gt;  text        4 B  "boom"
 *   +0.210ms  &lt;-  close      31 B  1003 Unsupported Data "Endpoint notification error"
 * </pre>
 */
public final class WebSocketFailures {

    private static final int STACK_FRAMES = 30;

    private WebSocketFailures() {}

    /**
     * The context of a failure.
     *
     * @param handshake the handshake exchange
     * @param channel the session
     * @return the text
     */
    public static String context(Exchange handshake, WebSocketChannel channel) {
        return context(handshake, channel, Secrets.standard());
    }

    /**
     * The context of a failure, masking by a client's rules.
     *
     * @param handshake the handshake exchange
     * @param channel the session
     * @param secrets what to mask
     * @return the text
     */
    public static String context(Exchange handshake, WebSocketChannel channel, Secrets secrets) {
        return context(handshake, channel.connection().serverException(), channel.connection().serverLog(),
                channel.transcript(), secrets);
    }

    /**
     * The context of a failure, from its parts.
     *
     * @param handshake the handshake exchange
     * @param thrown what the endpoint threw, or null
     * @param log what the app logged during the session
     * @param transcript the frames
     * @return the text
     */
    public static String context(Exchange handshake, @Nullable Throwable thrown, List<ServerLogRecord> log,
            WebSocketTranscript transcript) {
        return context(handshake, thrown, log, transcript, Secrets.standard());
    }

    private static String context(Exchange handshake, @Nullable Throwable thrown, List<ServerLogRecord> log,
            WebSocketTranscript transcript, Secrets secrets) {
        StringBuilder out = new StringBuilder();
        handshake(out, handshake, secrets);
        if (thrown != null) {
            out.append("\n--- server exception (thrown by the endpoint) ---\n").append(endpointStackOf(thrown));
        }
        if (!log.isEmpty()) {
            out.append("\n--- server log of this session ---\n");
            for (ServerLogRecord r : log) {
                out.append(r).append('\n');
            }
        }
        out.append('\n').append(transcript.render(title(handshake.request())));
        return out.toString();
    }

    /**
     * The session as facts name it: "GET /ws/echo".
     *
     * @param plan the handshake request
     * @return the title
     */
    public static String title(RequestPlan plan) {
        return plan.method() + " " + plan.target();
    }

    /**
     * Where the session stands, for a "session" fact.
     *
     * @param channel the session
     * @return "open", "closed by the server: 1008 Policy Violation ..."...
     */
    public static String state(WebSocketChannel channel) {
        WebSocketFrames.Close received = channel.closeReceived();
        WebSocketFrames.Close sent = channel.closeSent();
        if (channel.failure() != null) {
            return "failed: " + channel.failure();
        }
        if (channel.writeFailure() != null) {
            return "failed: " + writeFailed(channel);
        }
        if (received != null) {
            return sent != null && sent.code() != received.code() && !(received.code() == 1005 && sent.code() == 1005)
                    ? "closed by the client (" + sent.describe() + "), the server answered " + received.describe()
                    : "closed by the server: " + received.describe();
        }
        if (channel.isEnded()) {
            return "the server dropped the connection without a close frame (1006 Abnormal Closure)";
        }
        if (sent != null) {
            return "closing: the client sent " + sent.describe() + ", the server has not answered";
        }
        return "open";
    }

    private static void handshake(StringBuilder out, Exchange exchange, Secrets secrets) {
        RequestPlan plan = exchange.request();
        out.append("--- handshake ---\n").append(plan.method()).append(' ').append(plan.target()).append(" HTTP/1.1\n");
        headers(out, plan.headers(), secrets);
        out.append("--- response: ").append(exchange.statusLine()).append(" ---\n");
        headers(out, exchange.headers(), secrets);
    }

    private static void headers(StringBuilder out, Headers headers, Secrets secrets) {
        for (Headers.Header h : headers) {
            out.append(h.name()).append(": ").append(secrets.header(h.name(), h.value())).append('\n');
        }
    }

    /**
     * An exception an endpoint threw and its causes, each cut where the endpoint's code ends (at the
     * frame handler Testlet wraps around it; below are only Jetty's frames).
     *
     * @param t the exception
     * @return the text
     */
    public static String endpointStackOf(Throwable t) {
        return ExchangeFormatter.stackOf(t,
                frame -> dev.testlet.engine.spi.ThreadDump.isAppBoundary(frame) || frame.getClassName().startsWith("org.eclipse.jetty."),
                "frames of Jetty below the endpoint");
    }

    /**
     * A message for facts: quoted text or hex bytes, with its size.
     *
     * @param message the message
     * @return the description
     */
    public static String describe(WebSocketChannel.Message message) {
        String fragments = message.fragments() > 1 ? ", in " + message.fragments() + " fragments" : "";
        if (message.text()) {
            String text = new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8);
            return "a text message " + WebSocketTranscript.quote(text, false) + fragments;
        }
        return "a binary message of " + message.payload().length + " bytes "
                + WebSocketTranscript.hex(message.payload(), false) + fragments;
    }

    /**
     * Why no message can come any more, for a "but" fact.
     *
     * @param channel a finished session
     * @return the sentence
     */
    public static String whyFinished(WebSocketChannel channel) {
        WebSocketFrames.Close close = channel.closeReceived();
        if (channel.failure() != null) {
            return "the server broke the protocol: " + channel.failure();
        }
        if (channel.writeFailure() != null) {
            return writeFailed(channel);
        }
        if (close != null) {
            return "the server closed the session: " + close.describe();
        }
        return "the server dropped the connection without a close frame (1006 Abnormal Closure)";
    }

    private static String writeFailed(WebSocketChannel channel) {
        Throwable e = channel.writeFailure();
        return "writing to the connection failed: " + (e == null ? "?" : e.getMessage() != null ? e.getMessage() : e)
                + " (the frames sent after that were not delivered)";
    }

    /**
     * The endpoint's exception in one line, for a fact.
     *
     * @param thrown the exception
     * @return "java.lang.IllegalStateException: boom"
     */
    public static String oneLine(@Nullable Throwable thrown) {
        return String.valueOf(thrown);
    }
}
