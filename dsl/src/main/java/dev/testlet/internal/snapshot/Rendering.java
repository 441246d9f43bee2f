package dev.testlet.internal.snapshot;

/**
 * The canonical text of what a test saw, and what it is a rendering of (which decides how a
 * mismatch is summarised).
 *
 * <pre>{@code
 * Rendering r = renderer.response(exchange, redactions);
 * r.text();   // "GET /items\n200 OK\nContent-Type: application/json\n\n{...}"
 * }</pre>
 *
 * @param kind what was rendered
 * @param text the text
 */
public record Rendering(Kind kind, String text) {

    /** What a rendering shows. */
    public enum Kind {
        /** A response: request line, status line, headers, body. */
        RESPONSE("response"),
        /** The events of an event stream read so far. */
        EVENTS("event stream"),
        /** A WebSocket conversation. */
        TRANSCRIPT("WebSocket conversation");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }

        /**
         * What it is, in words.
         *
         * <pre>{@code Kind.EVENTS.noun()   // "event stream"}</pre>
         *
         * @return the noun
         */
        public String noun() {
            return noun;
        }
    }

    /**
     * Checks the parts.
     *
     * @param kind the kind
     * @param text the text
     */
    public Rendering {
        if (kind == null || text == null) {
            throw new IllegalArgumentException("a rendering needs a kind and a text");
        }
    }
}
