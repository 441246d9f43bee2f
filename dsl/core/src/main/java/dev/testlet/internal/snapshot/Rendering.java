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
 * Immutable and thread-safe.
 *
 * @param kind what was rendered
 * @param text the text
 */
public record Rendering(Kind kind, String text) {

    /** What a rendering shows. */
    public enum Kind {
        /** A response: request line, status line, headers, body. */
        RESPONSE("a", "response"),
        /** The events of an event stream read so far. */
        EVENTS("an", "event stream"),
        /** A WebSocket conversation. */
        TRANSCRIPT("a", "WebSocket conversation");

        private final String article;
        private final String noun;

        Kind(String article, String noun) {
            this.article = article;
            this.noun = noun;
        }

        /**
         * What it is, with its article.
         *
         * <pre>{@code Kind.EVENTS.withArticle()   // "an event stream"}</pre>
         *
         * @return the noun phrase
         */
        public String withArticle() {
            return article + " " + noun;
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
