package dev.testlet.engine.internal;

import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * One app mounted on its own Jetty server whose only connector is a {@link LocalConnector}: no port,
 * no socket, but Jetty's real HTTP/1.1 parser, filter chain, sessions and error pages. Server-side
 * work runs on virtual threads; a request sent with {@link #execute} runs on the caller's thread.
 */
public final class LocalEngine implements Engine {

    private static final String HOST = "localhost";

    /**
     * The context attribute that holds the tracked executor Testlet lends the app; {@code
     * ServletApp.Builder.backgroundExecutor(name)} puts it under the app's own name too.
     */
    public static final String BACKGROUND_EXECUTOR = "dev.testlet.backgroundExecutor";

    /** Output a stream or WebSocket may buffer before the server's writes wait for the test to read. */
    private static final int STREAM_BUFFER = 256 * 1024;

    /** How long shutdown waits for stream handlers to notice their client went away. */
    private static final Duration LIVE_WIND_DOWN = Duration.ofSeconds(5);

    private final ServletApp app;
    private final Server server;
    private final LocalConnector connector;
    private final TestletContextHandler context;
    private final ScheduledExecutorService scheduler;
    private final Watchdog watchdog;
    private final WirePool wires;
    private final String basePath;
    private final LogCapture logs = new LogCapture();
    private final BackgroundWork background = new BackgroundWork();
    /** The handlers and async contexts of streams and WebSockets, which shutdown lets wind down. */
    private final BackgroundWork live = new BackgroundWork();
    /** Wires of streams and WebSockets, closed first when the app stops. */
    private final java.util.Set<LocalWire> liveWires = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final TrackedExecutorService appExecutor = new TrackedExecutorService(background);
    private final java.util.Map<LocalWire, UpgradedConnection> upgraded = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private LocalEngine(ServletApp app) {
        this.app = app;
        VirtualThreadPool threads = new VirtualThreadPool(0);
        threads.setName("testlet-app");
        threads.setVirtualThreadsExecutor(new TrackingExecutor(background, "testlet-app"));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("testlet-scheduler").factory());
        server = new Server(threads, new ScheduledExecutorScheduler(scheduler), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.addCustomizer(new LoopbackAddresses());
        connector = new LocalConnector(server, new HttpConnectionFactory(http));
        server.addConnector(connector);
        context = new TestletContextHandler();
        context.setAttribute(BACKGROUND_EXECUTOR, appExecutor);
        FilterHolder front = new FilterHolder(new FrontFilter(this::inFlightOf, logs, background, live));
        front.setName("testlet");
        front.setAsyncSupported(true);
        context.addFilter(front, "/*", EnumSet.allOf(DispatcherType.class));
        server.setHandler(context);
        wires = new WirePool(connector);
        watchdog = new Watchdog("testlet-watchdog");
        basePath = app.contextPath().equals("/") ? "" : app.contextPath();
    }

    /**
     * Mounts and starts an app; returns once every listener's {@code contextInitialized} has run.
     *
     * @param app the app
     * @param timeout how long startup may take
     * @return the running engine
     * @throws AppStartupException naming what failed; nothing is left running
     */
    public static LocalEngine start(ServletApp app, Duration timeout) {
        return start(app, timeout, java.util.Map.of());
    }

    /**
     * Mounts and starts an app with overrides already in place, so they win over whatever the app's
     * listeners set at startup.
     *
     * @param app the app
     * @param timeout how long startup may take
     * @param overrides attribute overrides, by name
     * @return the running engine
     */
    public static LocalEngine start(ServletApp app, Duration timeout, java.util.Map<String, Object> overrides) {
        LocalEngine engine = new LocalEngine(app);
        overrides.forEach(engine.context::override);
        try {
            engine.startServer(timeout);
            return engine;
        } catch (RuntimeException | Error e) {
            engine.stopQuietly();
            throw e;
        }
    }

    private void startServer(Duration timeout) {
        if (app.usesWebSockets()) {
            // Ahead of the app's own Jakarta WebSocket initializer, so it sees every endpoint mapping.
            context.addServletContainerInitializer(new WebSocketTracking(this::inFlightOf, logs));
        }
        try {
            app.installInto(context);
        } catch (RuntimeException e) {
            throw new AppStartupException("the app could not be mounted: " + e.getMessage(), e);
        }
        logs.install();
        Guard guard = new Guard("the app's startup", timeout);
        watchdog.add(guard);
        Throwable failure = null;
        try {
            server.start();
        } catch (Exception e) {
            failure = e;
        } finally {
            watchdog.remove(guard);
            guard.finish();
        }
        if (guard.timedOut()) {
            throw new AppStartupException("the app did not start within " + Durations.format(timeout)
                    + "; the starting thread was interrupted there:\n" + guard.dump(), failure != null ? failure
                    : new java.util.concurrent.TimeoutException("startup timed out"));
        }
        if (failure == null && !context.isAvailable()) {
            failure = new IllegalStateException("Jetty reports the context unavailable after start");
        }
        if (failure != null) {
            throw new AppStartupException(StartupFailures.describe(failure), StartupFailures.rootOf(failure));
        }
    }

    @Override
    public Exchange execute(RequestPlan plan) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, HOST);
        ByteBuffer bytes = RequestEncoder.encode(sent);
        long start = System.nanoTime();
        long deadline = start + sent.timeout().toNanos();
        LocalWire wire = wires.acquire(deadline);
        if (wire == null) {
            throw new RequestTimeoutException(sent, "a connection to the app for " + describe(sent),
                    Duration.ofNanos(System.nanoTime() - start), "nothing", null);
        }
        InFlight inFlight = new InFlight(sent, Thread.currentThread(), start, deadline);
        ResponseReader reader = new ResponseReader(sent.method().equals("HEAD"));
        watchdog.add(inFlight);
        background.started(inFlight, "request " + sent.method() + " " + sent.target(), Thread.currentThread());
        wire.carry(inFlight);
        boolean reusable = false;
        try {
            wire.send(bytes, true);
            readResponse(wire, reader, inFlight);
            reusable = reader.isPersistent();
        } finally {
            wire.carry(null);
            watchdog.remove(inFlight);
            background.finished(inFlight);
            boolean inTime = inFlight.finish();
            if (reusable && inTime) {
                wires.release(wire);
            } else {
                wires.discard(wire);
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (inFlight.isTimedOut()) {
            throw new RequestTimeoutException(sent, describe(sent), elapsed, reader.receivedPreview(),
                    inFlight.handlerDump());
        }
        if (reader.failure() != null) {
            throw new TransportException(sent, describe(sent) + " failed: " + reader.failure()
                    + (inFlight.serverException() == null ? "" : "; the app threw " + inFlight.serverException()));
        }
        return new Exchange(sent, reader.status(), reader.reason(), reader.headers(), reader.body(), elapsed,
                inFlight.serverException(), inFlight.log());
    }

    @Override
    public StreamingExchange openStream(RequestPlan plan) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, HOST);
        LocalWire wire = wires.openBounded(STREAM_BUFFER);
        liveWires.add(wire);
        InFlight inFlight = new InFlight(sent, true, Thread.currentThread(), System.nanoTime(), Long.MAX_VALUE);
        wire.carry(inFlight);
        return StreamingExchange.open(wire, RequestEncoder.encode(sent), sent, inFlight, () -> {
            liveWires.remove(wire);
            wires.discard(wire);
        });
    }

    @Override
    public Handshake upgrade(RequestPlan plan) {
        checkOpen(plan);
        RequestPlan sent = RequestEncoder.complete(plan, HOST);
        LocalWire wire = wires.openBounded(STREAM_BUFFER);
        liveWires.add(wire);
        InFlight inFlight = new InFlight(sent, true, Thread.currentThread(), System.nanoTime(), Long.MAX_VALUE);
        wire.carry(inFlight);
        Handshake handshake = Handshake.perform(wire, RequestEncoder.encode(sent), sent, inFlight, () -> {
            upgraded.remove(wire);
            liveWires.remove(wire);
            wires.discard(wire);
        });
        UpgradedConnection connection = handshake.connection();
        if (connection != null) {
            upgraded.put(wire, connection);
            if (!connection.isOpen()) {
                upgraded.remove(wire);
            }
        }
        return handshake;
    }

    private void readResponse(LocalWire wire, ResponseReader reader, InFlight inFlight) {
        try {
            if (!reader.readFrom(wire, inFlight.deadlineNanos())) {
                inFlight.timeOut();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(inFlight.plan(), "interrupted while waiting for " + describe(inFlight.plan()), e);
        }
    }

    private static String describe(RequestPlan plan) {
        return "the response to " + plan.method() + " " + plan.target();
    }

    private @Nullable InFlight inFlightOf(ServletRequest request) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        return jettyRequest == null ? null : inFlightOf(jettyRequest);
    }

    private @Nullable InFlight inFlightOf(org.eclipse.jetty.server.Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        LocalWire wire = connection == null ? null : wires.wireOf(connection.getEndPoint());
        return wire == null ? null : wire.current();
    }

    private void checkOpen(RequestPlan plan) {
        if (closed) {
            throw new IllegalStateException("cannot send " + plan.method() + " " + plan.target()
                    + ": this app was closed; start it again with Testlet.start(app), or keep the client"
                    + " open until the test ends");
        }
    }

    @Override
    public void awaitBackgroundTasks(Duration timeout) {
        try {
            background.await(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the app's background work", e);
        }
    }

    @Override
    public Runnable trackBackground(String description) {
        Object key = new Object();
        background.started(key, description, null);
        return () -> background.finished(key);
    }

    @Override
    public Runnable override(String name, Object value) {
        return context.override(name, value);
    }

    @Override
    public void clearOverrides() {
        context.clearOverrides();
    }

    @Override
    public boolean knowsAttribute(String name) {
        return context.knows(name);
    }

    @Override
    public java.util.Set<String> attributeNames() {
        return context.knownNames();
    }

    @Override
    public java.util.concurrent.ExecutorService backgroundExecutor() {
        return appExecutor;
    }

    @Override
    public String basePath() {
        return basePath;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public String origin() {
        return "http://localhost:8080";
    }

    @Override
    public String describe() {
        return "in-process app at " + app.contextPath();
    }

    /** The Jetty context, for the engine's own tests. */
    public ServletContextHandler context() {
        return context;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the app: waits for its background work, then closes its connections, runs its shutdown
     * listeners and stops Jetty, each within 10 seconds. Idempotent.
     *
     * @throws BackgroundWorkException when background work failed or was still running (the app is
     *     stopped anyway)
     * @throws IllegalStateException naming the listener whose {@code contextDestroyed} threw, or where
     *     the shutdown was stuck when it ran out of time
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closeUpgradedConnections();
        closeLiveExchanges();
        RuntimeException unfinished = null;
        try {
            awaitBackgroundTasks(RequestPlan.DEFAULT_TIMEOUT);
        } catch (RuntimeException e) {
            unfinished = e;
        }
        closed = true;
        appExecutor.shutdownNow();
        RuntimeException failure = stop(RequestPlan.DEFAULT_TIMEOUT);
        if (unfinished != null) {
            if (failure != null) {
                unfinished.addSuppressed(failure);
            }
            throw unfinished;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes the WebSocket sessions a test left open, each with its client's close frame, and
     * reports them: a forgotten session is not an error of the app, but it is worth a warning.
     */
    private void closeUpgradedConnections() {
        java.util.List<String> left = new java.util.ArrayList<>();
        for (UpgradedConnection connection : java.util.List.copyOf(upgraded.values())) {
            if (connection.isOpen()) {
                left.add(connection.request().method() + " " + connection.request().target());
            }
            try {
                connection.closeForAppStop();
            } catch (RuntimeException e) {
                left.add("(closing it failed: " + e + ")");
            }
        }
        upgraded.clear();
        if (!left.isEmpty()) {
            System.getLogger(LocalEngine.class.getName()).log(System.Logger.Level.WARNING,
                    left.size() + " WebSocket session(s) of " + describe() + " were still open when the app stopped,"
                            + " so Testlet closed them (close code 1000): " + String.join(", ", left)
                            + ". Close a session when the test is done with it: try (WebSocketSession ws = ...) { }"
                            + " in Java, ws.use { } in Kotlin.");
        }
    }

    /**
     * Closes the streams still open and waits (briefly, bounded) until their handlers saw the client
     * go, so the shutdown listeners do not run under a handler that is still writing.
     */
    private void closeLiveExchanges() {
        for (LocalWire wire : java.util.List.copyOf(liveWires)) {
            wire.close();
        }
        try {
            live.await(LIVE_WIND_DOWN);
        } catch (BackgroundWorkException e) {
            System.getLogger(LocalEngine.class.getName()).log(System.Logger.Level.WARNING,
                    "stopping " + describe() + " although a stream's handler had not ended: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopQuietly() {
        stop(RequestPlan.DEFAULT_TIMEOUT);
    }

    private @Nullable RuntimeException stop(Duration timeout) {
        Guard guard = new Guard("the app's shutdown", timeout);
        watchdog.add(guard);
        Exception failure = null;
        try {
            wires.closeAll();
            server.stop();
        } catch (Exception e) {
            failure = e;
        } finally {
            watchdog.remove(guard);
            guard.finish();
            watchdog.close();
            scheduler.shutdownNow();
            logs.uninstall();
        }
        if (guard.timedOut()) {
            return new IllegalStateException("the app did not stop within " + Durations.format(timeout)
                    + "; the stopping thread was interrupted there:\n" + guard.dump(), failure);
        }
        return failure == null ? null
                : new IllegalStateException(StartupFailures.describeShutdown(failure), StartupFailures.rootOf(failure));
    }
}
