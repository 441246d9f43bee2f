package dev.testlet;

import dev.testlet.engine.Headers;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.Secrets;
import dev.testlet.engine.spi.Transport;
import dev.testlet.internal.CookieJar;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.snapshot.Redactions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything a client is configured with. Immutable; the cookie jar is the one shared, thread-safe
 * mutable part (derived clients share their parent's jar unless they ask for a new one), and the scope
 * is what the client's requests belong to.
 *
 * @param transport how requests reach the app
 * @param app the app, when it runs in this JVM; null for a deployed server
 * @param scope the scope the client's requests, streams, sessions and overrides belong to
 * @param ownsApp whether closing this client stops the app (the client Testlet.start returned, and
 *     those derived from it), rather than only ending its scope
 * @param timeout how long requests wait
 * @param defaultHeaders headers sent with every request
 * @param defaultCookies cookies sent with every request, besides the jar's
 * @param jar the cookie jar
 * @param followRedirects whether 3xx responses are followed
 * @param rethrowServerExceptions whether an exception that escaped the app is rethrown
 * @param mapper the JSON mapper
 * @param limits how big a body, a line, an event and a message may be
 * @param redactions what snapshots replace before comparing and writing
 * @param secrets what failure reports mask (the standard names and those the client added)
 */
record ClientSettings(
        Transport transport,
        @Nullable App app,
        TestScope scope,
        boolean ownsApp,
        Duration timeout,
        Headers defaultHeaders,
        Map<String, String> defaultCookies,
        CookieJar jar,
        boolean followRedirects,
        boolean rethrowServerExceptions,
        ObjectMapper mapper,
        Limits limits,
        Redactions redactions,
        Secrets secrets) {

    /** Where a curl line replays an in-process request: a locally run server's usual address. */
    private static final String IN_PROCESS_REPLAY_ORIGIN = "http://localhost:8080";

    ClientSettings {
        defaultCookies = Map.copyOf(defaultCookies);
    }

    ClientSettings withTimeout(Duration value) {
        return copy(c -> c.timeout = value);
    }

    ClientSettings withDefaultHeaders(Headers value) {
        return copy(c -> c.defaultHeaders = value);
    }

    ClientSettings withDefaultCookies(Map<String, String> value) {
        return copy(c -> c.defaultCookies = value);
    }

    ClientSettings withJar(CookieJar value) {
        return copy(c -> c.jar = value);
    }

    ClientSettings withFollowRedirects(boolean value) {
        return copy(c -> c.followRedirects = value);
    }

    ClientSettings withRethrowServerExceptions(boolean value) {
        return copy(c -> c.rethrowServerExceptions = value);
    }

    ClientSettings withMapper(ObjectMapper value) {
        return copy(c -> c.mapper = value);
    }

    ClientSettings withLimits(Limits value) {
        return copy(c -> c.limits = value);
    }

    ClientSettings withRedactions(Redactions value) {
        return copy(c -> c.redactions = value);
    }

    ClientSettings withSecrets(Secrets value) {
        return copy(c -> c.secrets = value);
    }

    /** The settings of a scope's client: the same app, the scope, a new cookie jar; closing ends the scope. */
    ClientSettings inScope(TestScope value) {
        return copy(c -> {
            c.scope = value;
            c.jar = new CookieJar();
            c.ownsApp = false;
        });
    }

    private ClientSettings copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new ClientSettings(transport, app, c.scope, c.ownsApp, c.timeout, c.defaultHeaders, c.defaultCookies,
                c.jar, c.followRedirects, c.rethrowServerExceptions, c.mapper, c.limits, c.redactions, c.secrets);
    }

    /** The fields a derived client may change, to build a new value in one place. */
    private static final class Copy {
        TestScope scope;
        boolean ownsApp;
        Duration timeout;
        Headers defaultHeaders;
        Map<String, String> defaultCookies;
        CookieJar jar;
        boolean followRedirects;
        boolean rethrowServerExceptions;
        ObjectMapper mapper;
        Limits limits;
        Redactions redactions;
        Secrets secrets;

        Copy(ClientSettings s) {
            scope = s.scope;
            ownsApp = s.ownsApp;
            timeout = s.timeout;
            defaultHeaders = s.defaultHeaders;
            defaultCookies = s.defaultCookies;
            jar = s.jar;
            followRedirects = s.followRedirects;
            rethrowServerExceptions = s.rethrowServerExceptions;
            mapper = s.mapper;
            limits = s.limits;
            redactions = s.redactions;
            secrets = s.secrets;
        }
    }

    /**
     * What snapshots replace: the client's redactions, after a served app's loopback origin
     * ({@code http://127.0.0.1:41873}) is written as the in-process one ({@code http://localhost}), so an
     * absolute URL the app writes makes the same snapshot in both modes.
     */
    Redactions snapshotRedactions() {
        URI origin = transport.origin();
        String host = origin.getHost();
        if (transport.inProcess() || origin.getPort() < 0
                || !("127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host))) {
            return redactions;
        }
        return Redactions.none().withPattern("//(?:127\\.0\\.0\\.1|localhost):" + origin.getPort() + "\\b", "//localhost")
                .and(redactions);
    }

    /** The host cookies are scoped to, as the app's origin names it. */
    String host() {
        String host = transport.origin().getHost();
        return host == null ? "localhost" : host;
    }

    /** The app, or a failure saying that this call needs one in this JVM. */
    App requireApp(String call, String hint) {
        App a = app;
        if (a == null) {
            throw new IllegalStateException(call + " needs an app running in this JVM, but this client talks to "
                    + transport.describe() + " over the network; " + hint);
        }
        return a;
    }

    ExchangeFormatter formatter() {
        return new ExchangeFormatter(mapper,
                transport.inProcess() ? IN_PROCESS_REPLAY_ORIGIN : transport.origin().toString(), secrets);
    }
}
