package dev.testlet.internal;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.spi.BodyText;
import dev.testlet.engine.spi.Durations;
import dev.testlet.engine.spi.Secrets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Prints an exchange the way failures show it: the request (secrets masked), the response (JSON
 * indented, long bodies cut), the exception that escaped the app, the app's log lines for that
 * request, and a curl line to replay it.
 */
public final class ExchangeFormatter {

    private static final int STACK_FRAMES = 30;

    /** The most decoded bytes a report inflates a compressed body to, to show it. */
    private static final long SHOWN_DECODED_LIMIT = 4L * 1024 * 1024;

    private final ObjectMapper mapper;
    private final String origin;
    private final Secrets secrets;

    /**
     * A formatter that masks by the standard rules.
     *
     * @param mapper to indent JSON bodies
     * @param origin scheme, host and port for the curl line
     */
    public ExchangeFormatter(ObjectMapper mapper, String origin) {
        this(mapper, origin, Secrets.standard());
    }

    /**
     * A formatter.
     *
     * @param mapper to indent JSON bodies
     * @param origin scheme, host and port for the curl line
     * @param secrets what to mask (a client's rules)
     */
    public ExchangeFormatter(ObjectMapper mapper, String origin, Secrets secrets) {
        this.mapper = mapper;
        this.origin = origin;
        this.secrets = secrets;
    }

    /**
     * The whole exchange.
     *
     * @param exchange the exchange
     * @return the text, sections separated by blank lines
     */
    public String format(Exchange exchange) {
        StringBuilder out = new StringBuilder();
        request(out, exchange.request());
        out.append("\n--- response: ").append(exchange.statusLine()).append(" (")
                .append(Durations.format(exchange.elapsed())).append(") ---\n");
        byte[] raw = exchange.body();
        ContentDecoding.Decoded decoded = ContentDecoding.decode(exchange.headers(), raw, SHOWN_DECODED_LIMIT);
        headersAndBody(out, exchange.headers(), decoded.body(), true);
        if (decoded.codings() != null) {
            out.append("(decoded from ").append(decoded.codings()).append(": ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", raw.length)).append(" bytes on the wire, ")
                    .append(String.format(java.util.Locale.ROOT, "%,d", decoded.body().length))
                    .append(" decoded; response.rawBytes() has the bytes as received)\n");
        } else if (decoded.problem() != null) {
            out.append("(").append(decoded.problem()).append(")\n");
        }
        if (exchange.trailers().size() > 0) {
            out.append("--- trailers ---\n");
            for (Headers.Header h : exchange.trailers()) {
                out.append(h.name()).append(": ").append(Secrets.maskHeader(h.name(), h.value())).append('\n');
            }
        }
        if (exchange.incomplete() != null) {
            out.append("(incomplete: ").append(exchange.incomplete()).append(")\n");
        }
        notes(out, exchange);
        serverSide(out, exchange.serverException(), exchange.serverLog());
        replay(out, exchange.request());
        return out.toString();
    }

    /**
     * A request that got no response: the request, then the curl line.
     *
     * @param plan the request
     * @return the text
     */
    public String formatRequestOnly(RequestPlan plan) {
        StringBuilder out = new StringBuilder();
        request(out, plan);
        replay(out, plan);
        return out.toString();
    }

    /** The curl line, and when it hides a value (or shows one), a note on how to see it. */
    private void replay(StringBuilder out, RequestPlan plan) {
        String masked = plan.toMaskedCurl(origin, secrets);
        out.append("\n--- replay ---\n").append(masked).append('\n');
        for (Headers.Header h : plan.headers()) {
            if (secrets.hides(h.name(), h.value())) {
                out.append(secrets.note()).append('\n');
                return;
            }
        }
    }

    /**
     * One line per exchange, for a list of several ("GET /login -> 302 Found").
     *
     * @param exchanges the exchanges
     * @return the lines
     */
    public static String summary(List<Exchange> exchanges) {
        StringBuilder out = new StringBuilder();
        for (Exchange e : exchanges) {
            out.append(e.request().method()).append(' ').append(e.request().target()).append(" -> ")
                    .append(e.statusLine()).append('\n');
        }
        return out.toString();
    }

    private void request(StringBuilder out, RequestPlan plan) {
        out.append("--- request ---\n");
        out.append(plan.method()).append(' ').append(plan.target()).append(" HTTP/1.1\n");
        headersAndBody(out, plan.headers(), plan.body(), false);
    }

    private void headersAndBody(StringBuilder out, Headers headers, byte[] body, boolean response) {
        for (Headers.Header h : headers) {
            out.append(h.name()).append(": ").append(secrets.header(h.name(), h.value())).append('\n');
        }
        if (body.length == 0) {
            if (response) {
                out.append("\n(no body)\n");
            }
            return;
        }
        String contentType = headers.first("Content-Type");
        String text = BodyText.isJson(contentType) ? Json.prettyOrNull(mapper, body) : null;
        out.append('\n').append(text != null ? BodyText.cut(text) : BodyText.preview(body, contentType)).append('\n');
    }

    /**
     * What Testlet did not take from the response as sent, so it is never silently skipped: cookies a
     * browser would not keep, and a charset this JVM does not know.
     */
    private static void notes(StringBuilder out, Exchange exchange) {
        List<String> notes = new java.util.ArrayList<>();
        String host = exchange.request().headers().first("Host");
        host = host == null ? "localhost" : host.replaceFirst(":\\d+$", "");
        long now = System.currentTimeMillis();
        for (String setCookie : exchange.headers().all("Set-Cookie")) {
            SetCookie.Result result = SetCookie.parse(setCookie, host, exchange.request().path(), now);
            String shown = SetCookie.shown(setCookie);
            if (result.cookie() == null) {
                notes.add(shown + " was ignored: " + result.rejected());
            } else if (!result.notes().isEmpty()) {
                notes.add(shown + ": " + String.join("; ", result.notes()));
            }
        }
        String charset = BodyText.charsetProblem(exchange.headers().first("Content-Type"));
        if (charset != null) {
            notes.add(charset);
        }
        if (!notes.isEmpty()) {
            out.append("\n--- notes ---\n");
            notes.forEach(n -> out.append(n).append('\n'));
        }
    }

    private static void serverSide(StringBuilder out, @Nullable Throwable exception, List<ServerLogRecord> log) {
        if (exception != null) {
            out.append("\n--- server exception (escaped the app's filter chain) ---\n").append(appStackOf(exception));
        }
        if (!log.isEmpty()) {
            out.append("\n--- server log while handling this request ---\n");
            for (ServerLogRecord r : log) {
                out.append(r).append('\n');
            }
        }
    }

    /**
     * A server exception and its causes, each cut where the app's code ends: at Testlet's own filter,
     * below which there are only Jetty's and the test's frames.
     *
     * @param t the throwable
     * @return the text
     */
    public static String appStackOf(Throwable t) {
        return stackOf(t, dev.testlet.engine.spi.ThreadDump::isAppBoundary,
                "frames of Jetty and the test below the app");
    }

    /**
     * A throwable and its causes, each cut to its first frames.
     *
     * @param t the throwable
     * @return the text
     */
    public static String stackOf(Throwable t) {
        return stackOf(t, frame -> false, "more");
    }

    /**
     * A throwable and its causes, each cut at the first frame that is a boundary (where the code of
     * interest ends) or after 30 frames.
     *
     * @param t the throwable
     * @param boundary true for the first frame not to show
     * @param belowBoundary what the frames cut at the boundary are, for the "... 12 ..." line
     * @return the text
     */
    public static String stackOf(Throwable t, java.util.function.Predicate<StackTraceElement> boundary,
            String belowBoundary) {
        StringBuilder out = new StringBuilder();
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        String prefix = "";
        for (Throwable each = t; each != null && seen.add(each); each = each.getCause()) {
            out.append(prefix).append(each).append('\n');
            StackTraceElement[] frames = each.getStackTrace();
            int end = -1;
            for (int i = 0; i < frames.length && end < 0; i++) {
                if (boundary.test(frames[i])) {
                    end = i;
                }
            }
            int shown = Math.min(frames.length, end >= 0 ? Math.min(end, STACK_FRAMES) : STACK_FRAMES);
            for (int i = 0; i < shown; i++) {
                out.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > shown) {
                out.append("\t... ").append(frames.length - shown).append(' ')
                        .append(shown == end ? belowBoundary : "more").append('\n');
            }
            prefix = "Caused by: ";
        }
        return out.toString();
    }
}
