package dev.testlet;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.internal.Engine;
import dev.testlet.internal.CookieJar;
import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.ExchangeRecorder;
import dev.testlet.internal.OpenHandles;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything a client is configured with. Immutable; the cookie jar is the one shared, thread-safe
 * mutable part (derived clients share their parent's jar unless they ask for a new one). Each thread's
 * last exchange is kept per app, for {@code eventually}'s failure message; the streams a test has
 * open are kept per app too, so that closing the app closes them.
 */
record ClientSettings(
        Engine engine,
        Duration timeout,
        Headers defaultHeaders,
        Map<String, String> defaultCookies,
        CookieJar jar,
        boolean followRedirects,
        boolean rethrowServerExceptions,
        ObjectMapper mapper,
        ExchangeRecorder recorder,
        ThreadLocal<Exchange> lastExchange,
        OpenHandles openHandles) {

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

    ClientSettings withRecorder(ExchangeRecorder value) {
        return copy(c -> c.recorder = value);
    }

    private ClientSettings copy(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new ClientSettings(c.engine, c.timeout, c.defaultHeaders, c.defaultCookies, c.jar, c.followRedirects,
                c.rethrowServerExceptions, c.mapper, c.recorder, lastExchange, openHandles);
    }

    /** The fields of a settings value, to change one or two and build a new value in one place. */
    private static final class Copy {
        Engine engine;
        Duration timeout;
        Headers defaultHeaders;
        Map<String, String> defaultCookies;
        CookieJar jar;
        boolean followRedirects;
        boolean rethrowServerExceptions;
        ObjectMapper mapper;
        ExchangeRecorder recorder;

        Copy(ClientSettings s) {
            engine = s.engine;
            timeout = s.timeout;
            defaultHeaders = s.defaultHeaders;
            defaultCookies = s.defaultCookies;
            jar = s.jar;
            followRedirects = s.followRedirects;
            rethrowServerExceptions = s.rethrowServerExceptions;
            mapper = s.mapper;
            recorder = s.recorder;
        }
    }

    ExchangeFormatter formatter() {
        return new ExchangeFormatter(mapper, engine.origin());
    }
}
