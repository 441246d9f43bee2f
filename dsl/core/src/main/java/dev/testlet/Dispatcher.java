package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.BodyTooLargeException;
import dev.testlet.engine.spi.RequestTimeoutException;
import dev.testlet.engine.spi.TransportException;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.Facts;
import dev.testlet.internal.Failures;
import dev.testlet.internal.Redirects;
import dev.testlet.internal.LimitExceededException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sends a plan the way a browser-like client would: with the jar's cookies, storing the cookies the
 * response sets, following redirects (each hop recorded), and surfacing an exception that escaped
 * the app.
 */
final class Dispatcher {

    static final int MAX_REDIRECTS = 20;

    private Dispatcher() {}

    static Response send(ClientSettings settings, RequestPlan plan) {
        List<Response> hops = List.of();
        RequestPlan current = plan;
        while (true) {
            Exchange exchange = execute(settings, withCookies(settings, current));
            settings.jar().store(settings.host(), current.path(), exchange.headers().all("Set-Cookie"));
            settings.scope().log().masking(settings.secrets());
        settings.scope().record(exchange);
            Response response = new Response(exchange, settings, hops);
            if (exchange.serverException() != null && settings.rethrowServerExceptions()) {
                throw new ServerException(response);
            }
            String location = exchange.headers().first("Location");
            if (!settings.followRedirects() || !isRedirect(exchange.status()) || location == null) {
                return response;
            }
            Redirects.Decision decision = Redirects.decide(requestUrl(settings, exchange.request()), location);
            if (decision instanceof Redirects.NotFollowed stay) {
                return new Response(exchange, settings, hops, stay.message());
            }
            String target = ((Redirects.Follow) decision).target();
            List<Response> next = new ArrayList<>(hops);
            next.add(response);
            if (next.size() > MAX_REDIRECTS) {
                throw tooManyRedirects(settings, next);
            }
            hops = List.copyOf(next);
            current = redirected(current, exchange.status(), target);
        }
    }

    static Exchange execute(ClientSettings settings, RequestPlan plan) {
        try {
            return settings.transport().execute(plan, settings.scope().layer(), settings.limits().maxBodyBytes());
        } catch (RequestTimeoutException e) {
            throw Failures.timeout(e, settings.formatter());
        } catch (BodyTooLargeException e) {
            throw tooLarge(settings, e);
        } catch (TransportException e) {
            throw noResponse(settings, plan, e);
        }
    }

    /** The failure for a body over the client's limit: its size, the limit, and the two ways on. */
    static AssertionError tooLarge(ClientSettings settings, BodyTooLargeException e) {
        Exchange head = e.head();
        RequestPlan plan = head.request();
        String basePath = settings.transport().basePath();
        String path = plan.target().startsWith(basePath) ? plan.target().substring(basePath.length()) : plan.target();
        long size = e.declaredLength();
        long mib = 1024L * 1024;
        long suggested = size > 0 ? (size + mib - 1) / mib : Math.max(1, 4 * e.limit() / mib);
        return Failures.of(
                Facts.of("expected", "a response body of at most " + LimitExceededException.size(e.limit())
                                + " (the client's limit on a body read whole)")
                        .and("but", size >= 0 ? "its Content-Length is " + LimitExceededException.size(size)
                                : "it is more than that: the body is " + (head.headers().contains("Transfer-Encoding")
                                        ? "chunked" : "not announced") + ", and " + String.format(java.util.Locale.ROOT, "%,d",
                                        e.received()) + " bytes had come when Testlet stopped reading")
                        .and("to read it whole", "client.withLimits(client.limits().withMaxBodyBytes(" + suggested
                                + " * 1024 * 1024))")
                        .and("to read it as it comes", "client.given().stream(\"" + plan.method() + "\", \"" + path
                                + "\"): any size, in bounded memory")
                        .and("request", plan.method() + " " + plan.target()),
                settings.formatter().format(head));
    }

    /** The failure for a request that got no HTTP response (the connection ended, or garbage came). */
    static AssertionError noResponse(ClientSettings settings, RequestPlan plan, TransportException e) {
        ExchangeFormatter formatter = settings.formatter();
        AssertionError error = Failures.of(
                Facts.of("expected", "an HTTP response to " + plan.method() + " " + plan.target())
                        .and("but", e.getMessage()),
                formatter.formatRequestOnly(plan));
        error.initCause(e);
        return error;
    }

    /** The plan with the client's default cookies and the jar's cookies merged into one Cookie header. */
    static RequestPlan withCookies(ClientSettings settings, RequestPlan plan) {
        String jar = settings.jar().headerFor(settings.host(), plan.path());
        Map<String, String> defaults = settings.defaultCookies();
        if (jar == null && defaults.isEmpty()) {
            return plan;
        }
        Set<String> names = new LinkedHashSet<>();
        StringBuilder header = new StringBuilder();
        for (String explicit : plan.headers().all("Cookie")) {
            appendPairs(header, names, explicit);
        }
        defaults.forEach((name, value) -> appendPairs(header, names, name + "=" + value));
        if (jar != null) {
            appendPairs(header, names, jar);
        }
        Headers headers = plan.headers().without("Cookie");
        return plan.withHeaders(header.isEmpty() ? headers : headers.with("Cookie", header.toString()));
    }

    private static void appendPairs(StringBuilder header, Set<String> names, String pairs) {
        for (String pair : pairs.split(";")) {
            String p = pair.trim();
            int eq = p.indexOf('=');
            if (p.isEmpty() || !names.add(eq < 0 ? p : p.substring(0, eq))) {
                continue;
            }
            if (!header.isEmpty()) {
                header.append("; ");
            }
            header.append(p);
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** The URL of a request as the app saw it: the origin's scheme, the Host the request named, the target. */
    private static String requestUrl(ClientSettings settings, RequestPlan sent) {
        String host = sent.headers().first("Host");
        return settings.transport().origin().getScheme() + "://" + (host != null ? host : settings.host()) + sent.target();
    }

    private static RequestPlan redirected(RequestPlan plan, int status, String target) {
        // As the Fetch standard does: 303 turns anything but GET/HEAD into GET; 301 and 302 turn POST into GET.
        String method = plan.method();
        boolean toGet = (status == 303 && !method.equals("GET") && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        if (!toGet) {
            return plan.withRequestLine(plan.method(), target);
        }
        Headers headers = plan.headers().without("Content-Type").without("Content-Length");
        return new RequestPlan("GET", target, headers, new byte[0], plan.timeout());
    }

    private static AssertionError tooManyRedirects(ClientSettings settings, List<Response> hops) {
        List<Exchange> exchanges = hops.stream().map(Response::exchange).toList();
        return Failures.of(
                Facts.of("expected", "a response after at most " + MAX_REDIRECTS + " redirects")
                        .and("but", "the app kept redirecting (a redirect loop?)")
                        .and("hops", ExchangeFormatter.summary(exchanges).strip())
                        .and("to see one hop", "client.withFollowRedirects(false)"),
                settings.formatter().format(exchanges.get(exchanges.size() - 1)));
    }
}
