package dev.testlet;

import dev.testlet.internal.WebSocketFrames;

/**
 * How a WebSocket session ended: the code and reason of the server's close frame.
 *
 * <pre>{@code
 * WebSocketClose close = ws.closeStatus();
 * close.code();       // 1008
 * close.reason();     // "bad token"
 * close.toString();   // 1008 Policy Violation "bad token"
 * }</pre>
 *
 * @param code the close code (RFC 6455 7.4): 1000 normal, 1008 policy violation, 1011 server error...;
 *     1005 when the frame carried no code, 1006 when the server dropped the connection without a close frame
 * @param reason the reason the server gave, or ""
 */
public record WebSocketClose(int code, String reason) {

    /**
     * The name RFC 6455 gives the code.
     *
     * <pre>{@code new WebSocketClose(1008, "").codeName()   // "Policy Violation"}</pre>
     *
     * @return the name, or "private use" (4000-4999), "registered use" (3000-3999), "unknown code"
     */
    public String codeName() {
        return WebSocketFrames.closeCodeName(code);
    }

    /**
     * The close as failures print it.
     *
     * <pre>{@code new WebSocketClose(1008, "bad token").toString()   // 1008 Policy Violation "bad token"}</pre>
     *
     * @return code, name and quoted reason
     */
    @Override
    public String toString() {
        return code + " " + codeName() + (reason.isEmpty() ? "" : " \"" + reason + "\"");
    }
}
