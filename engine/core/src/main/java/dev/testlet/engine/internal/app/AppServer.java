package dev.testlet.engine.internal.app;

import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.engine.internal.mount.ContextHooks;
import dev.testlet.engine.internal.mount.Containers;
import dev.testlet.engine.internal.mount.ServletContainer;
import dev.testlet.engine.internal.transport.BoundedConnector;
import dev.testlet.engine.internal.transport.Engine;
import dev.testlet.engine.internal.transport.InFlight;
import dev.testlet.engine.internal.transport.LocalWires;
import dev.testlet.engine.internal.transport.SocketWires;
import dev.testlet.engine.internal.transport.Tracking;
import dev.testlet.engine.internal.transport.Wires;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.BackgroundWorkException;
import dev.testlet.engine.spi.Durations;
import dev.testlet.engine.spi.OverrideLayer;
import dev.testlet.engine.spi.Transport;
import jakarta.servlet.ServletRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * One app on its own Jetty server: in-process behind a {@link LocalConnector} (no port, no socket, but
 * Jetty's real HTTP/1.1 parser, filter chain, sessions and error pages), or served on a real port at
 * 127.0.0.1. Server-side work runs on virtual threads and is tracked; each request the engine sends
 * is tied to the app's handling of it (its thread, exception, log lines and overrides).
 */
public final class AppServer implements App, Tracking {

    /** How an app is reached. */
    public enum Mode {
        /** Through a {@code LocalConnector}: requests run on the sending thread. */
        IN_PROCESS,
        /** Through a {@code ServerConnector} on 127.0.0.1 and a free port. */
        SERVED
    }

    private static final String LOOPBACK = "127.0.0.1";

    /**
     * How long shutdown gives the handlers of streams and WebSocket sessions to end once their client
     * is gone and they were interrupted. Long enough for a handler that writes or sleeps between
     * writes; one that ignores both keeps running while Jetty stops, as it would in a real server.
     */
    private static final Duration LIVE_WIND_DOWN = Duration.ofMillis(200);

    private final ServletApp app;
    private final Mode mode;
    private final ServletContainer container;
    private final Server server;
    private final @Nullable BoundedConnector local;
    private final @Nullable ServerConnector socket;
    private final ContextHandler context;
    private final ScheduledExecutorService scheduler;
    private final Watchdog watchdog = new Watchdog("testlet-watchdog");
    private final LogCapture logs = new LogCapture();
    private final BackgroundWork background = new BackgroundWork();
    /** The handlers and async contexts of streams and WebSockets, which shutdown lets wind down. */
    private final BackgroundWork live = new BackgroundWork();
    private final AppAttributes attributes = new AppAttributes();
    private final TrackedExecutorService lentExecutor;
    /** Requests on served sockets, by the client's port (what the server sees as the remote port). */
    private final Map<Integer, InFlight> bySocketPort = new ConcurrentHashMap<>();
    private @Nullable LocalWires localWires;
    private @Nullable Engine transport;
    private volatile boolean closed;

    private AppServer(ServletApp app, Mode mode) {
        this.app = app;
        this.mode = mode;
        this.container = Containers.forThisClassPath();
        VirtualThreadPool threads = new VirtualThreadPool(0);
        threads.setName("testlet-app");
        threads.setVirtualThreadsExecutor(new TrackingExecutor(background, attributes, logs, mode == Mode.IN_PROCESS,
                "testlet-app"));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("testlet-scheduler").factory());
        server = new Server(threads, new ScheduledExecutorScheduler(scheduler), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (mode == Mode.IN_PROCESS) {
            // The app sees a loopback client on an ephemeral port, as over a socket, not 0.0.0.0:0.
            http.addCustomizer(new LoopbackAddresses());
            // No socket to hand buffers to: heap buffers spare a copy into native memory each way, and
            // the request and response are parsed faster from a byte[] than through a native address.
            http.setUseInputDirectByteBuffers(false);
            http.setUseOutputDirectByteBuffers(false);
            local = new BoundedConnector(server, new HttpConnectionFactory(http));
            socket = null;
            server.addConnector(local);
        } else {
            local = null;
            socket = new ServerConnector(server, 0, 1, new HttpConnectionFactory(http));
            socket.setHost(LOOPBACK);
            socket.setPort(0);
            server.addConnector(socket);
        }
        lentExecutor = new TrackedExecutorService(background, attributes, logs);
        FrontFilter front = new FrontFilter(this::inFlightOf, this::renewChannel, logs, background, live, attributes);
        WebSocketTracking webSockets = app.usesWebSockets()
                ? new WebSocketTracking(this::inFlightOf, logs, attributes) : null;
        context = container.newContext(new ContextHooks(front, attributes, lentExecutor, webSockets));
        if (webSockets != null) {
            webSockets.attach(context);
        }
        server.setHandler(context);
    }

    /**
     * Mounts and starts an app; returns once every listener's {@code contextInitialized} has run.
     *
     * @param app the app
     * @param mode in-process or served on a real port
     * @param timeout how long startup may take
     * @return the running app
     * @throws AppStartupException naming what failed; nothing is left running
     */
    public static AppServer start(ServletApp app, Mode mode, Duration timeout) {
        AppServer server = new AppServer(app, mode);
        try {
            server.startServer(timeout);
            server.transport = server.newTransport();
            return server;
        } catch (RuntimeException | Error e) {
            server.stop(RequestPlan.DEFAULT_TIMEOUT);
            throw e;
        }
    }

    private void startServer(Duration timeout) {
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
            logs.reattach();
        } catch (Exception e) {
            failure = e;
        } finally {
            watchdog.remove(guard);
            guard.finish();
        }
        if (guard.timedOut()) {
            throw new AppStartupException(StartupFailures.timedOut(timeout, guard.dump()), failure != null ? failure
                    : new java.util.concurrent.TimeoutException("startup timed out"));
        }
        if (failure == null && !context.isAvailable()) {
            failure = new IllegalStateException("Jetty reports the context unavailable after start");
        }
        if (failure != null) {
            throw new AppStartupException(StartupFailures.describe(failure), StartupFailures.rootOf(failure));
        }
    }

    private Engine newTransport() {
        String basePath = app.contextPath().equals("/") ? "" : app.contextPath();
        Wires wires;
        String host;
        URI origin;
        if (local != null) {
            localWires = new LocalWires(local);
            wires = localWires;
            host = "localhost";
            origin = URI.create("http://localhost");
        } else {
            int port = socket.getLocalPort();
            host = LOOPBACK + ":" + port;
            origin = URI.create("http://" + host);
            wires = new SocketWires(LOOPBACK, port, false, null, origin.toString(), bySocketPort);
        }
        return new Engine(wires, this, host, basePath, origin, describe(),
                () -> "this app was closed; start it again with Testlet.start(app), or keep the client open until"
                        + " the test ends");
    }

    // ---------------------------------------------------------------- tracking requests

    @Override
    public void begin(InFlight request) {
        watchdog.add(request);
        background.started(request, "request " + request.plan().method() + " " + request.plan().target(),
                Thread.currentThread());
    }

    @Override
    public void end(InFlight request) {
        watchdog.remove(request);
        background.finished(request);
    }

    @Override
    public void wroteForNoRequest(@Nullable InFlight request, long count, String preview) {
        String who = request == null ? "a request" : request.plan().method() + " " + request.plan().target();
        background.failed(new LateWriteException(who + " wrote " + count + (count == 1 ? " byte" : " bytes")
                + " after its response was complete: \"" + preview + "\"; an app must not write to a response after"
                + " AsyncContext.complete() or after its handler returned (Testlet dropped that connection, so the"
                + " bytes reached no other response)"), request == null ? null : request.layer());
    }

    private void renewChannel(ServletRequest request) {
        Request core = container.coreRequest(request);
        if (core != null) {
            LateWrites.renewChannel(core);
        }
    }

    private @Nullable InFlight inFlightOf(ServletRequest request) {
        Request core = container.coreRequest(request);
        return core == null ? null : inFlightOf(core);
    }

    private @Nullable InFlight inFlightOf(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        EndPoint endPoint = connection == null ? null : connection.getEndPoint();
        if (endPoint == null) {
            return null;
        }
        LocalWires wires = localWires;
        if (wires != null) {
            return wires.requestOn(endPoint);
        }
        SocketAddress remote = endPoint.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress address ? bySocketPort.get(address.getPort()) : null;
    }

    // ---------------------------------------------------------------- App

    @Override
    public Transport transport() {
        Engine t = transport;
        if (t == null) {
            throw new IllegalStateException("the app has not started");
        }
        return t;
    }

    @Override
    public OverrideLayer newLayer(@Nullable OverrideLayer parent) {
        return new OverrideLayer(parent != null ? parent : attributes.base());
    }

    @Override
    public boolean knowsAttribute(String name) {
        return attributes.wasRead(name) || context.getContext().getAttribute(name) != null
                || attributes.base().get(name) != null;
    }

    @Override
    public Set<String> attributeNames() {
        Set<String> names = new LinkedHashSet<>(attributes.readNames());
        names.addAll(context.getContext().getAttributeNameSet());
        names.addAll(attributes.base().names());
        names.removeIf(n -> n.startsWith("org.eclipse.jetty") || n.startsWith("jakarta.") || n.startsWith("dev.testlet"));
        return names;
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
    public @Nullable BackgroundWorkException takeFailuresOf(OverrideLayer layer) {
        return background.takeFailuresOf(layer);
    }

    @Override
    public Runnable trackBackground(String description) {
        Object key = new Object();
        background.started(key, description, null);
        return () -> background.finished(key);
    }

    @Override
    public ExecutorService backgroundExecutor() {
        return lentExecutor;
    }

    @Override
    public String describe() {
        return (mode == Mode.IN_PROCESS ? "in-process app at " + app.contextPath()
                : "app at http://" + LOOPBACK + ":" + (socket == null ? "?" : socket.getLocalPort()) + app.contextPath())
                + " (Jetty " + container.level() + ")";
    }

    /**
     * The Jetty context the app is mounted on, for the engine's own tests.
     *
     * @return the context
     */
    public ContextHandler context() {
        return context;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the app, as quickly as a real Jetty stop when nothing is working:
     * <ol>
     *   <li>waits (at most the default timeout) for work a thread is doing: requests in flight,
     *       server tasks, tasks on the lent executor, so they can finish and a failure among them is
     *       reported;</li>
     *   <li>does not wait for what only waits for the app: an async context no thread works on (a
     *       long poll nobody answers) would never end by itself. Stopping Jetty ends it, as a real
     *       server's stop does; a warning names it;</li>
     *   <li>closes the connections, interrupts the handlers of streams and WebSocket sessions still
     *       running and gives them {@link #LIVE_WIND_DOWN} to end (a warning names those that did not),
     *       then stops Jetty (its shutdown listeners run), bounded by the default timeout.</li>
     * </ol>
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        RuntimeException unfinished = null;
        try {
            background.awaitWorking(RequestPlan.DEFAULT_TIMEOUT);
        } catch (BackgroundWorkException e) {
            unfinished = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unfinished = new IllegalStateException("interrupted while waiting for the app's background work", e);
        }
        // The async contexts of streams and WebSocket sessions are not listed: their clients are gone,
        // and their handlers learn it at their next write.
        java.util.List<String> notWaitedFor = background.waitingFor();
        closed = true;
        Engine t = transport;
        if (t != null) {
            t.close();
        }
        java.util.List<String> stillRunning = Shutdown.windDown(live, LIVE_WIND_DOWN);
        lentExecutor.shutdownNow();
        RuntimeException failure = stop(RequestPlan.DEFAULT_TIMEOUT);
        Shutdown.warnAbout(describe(), notWaitedFor, stillRunning, LIVE_WIND_DOWN);
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

    private @Nullable RuntimeException stop(Duration timeout) {
        Guard guard = new Guard("the app's shutdown", timeout);
        watchdog.add(guard);
        Exception failure = null;
        try {
            if (localWires != null) {
                localWires.closeAll();
            }
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
