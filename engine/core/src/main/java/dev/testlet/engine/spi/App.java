package dev.testlet.engine.spi;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * An app running in this JVM on a Jetty of Testlet's: in-process, or served on a real port. What
 * only an app in this JVM has lives here, apart from sending requests ({@link #transport()}): its
 * overrides, its background work, its stop.
 *
 * <pre>{@code
 * App app = Engines.start(servletApp, Duration.ofSeconds(10));
 * OverrideLayer test = app.newLayer(null);
 * Runnable restore = test.put("clock", fixedClock);
 * app.transport().execute(RequestPlan.of("GET", "/greeting"), test);
 * app.awaitBackgroundTasks(Duration.ofSeconds(5));
 * app.close();
 * }</pre>
 */
public interface App extends AutoCloseable {

    /**
     * How requests reach this app.
     *
     * <pre>{@code app.transport().execute(plan, layer)}</pre>
     *
     * @return the transport; closed when the app closes
     */
    Transport transport();

    /**
     * A new, empty layer of overrides for one scope (a test). Requests that carry it see its
     * overrides, then its parent's, then the overrides the app's builder installed, then the app's
     * own attributes. Closing the scope clears it; other scopes never see it.
     *
     * <pre>{@code OverrideLayer perTest = app.newLayer(perClass);}</pre>
     *
     * @param parent the enclosing scope's layer, or null to sit directly on the builder's overrides
     * @return the layer
     */
    OverrideLayer newLayer(@Nullable OverrideLayer parent);

    /**
     * Whether the app has an attribute of that name, or has asked for one.
     *
     * <pre>{@code app.knowsAttribute("mailer")}</pre>
     *
     * @param name the attribute name
     * @return true when overriding it can change what the app does
     */
    boolean knowsAttribute(String name);

    /**
     * The attribute names the app has or has asked for (Jetty's and Testlet's own left out).
     *
     * <pre>{@code app.attributeNames()   // [mailer, clock]}</pre>
     *
     * @return the names
     */
    Set<String> attributeNames();

    /**
     * Waits until the app's background work is done: requests in flight, async contexts, server
     * tasks, and tasks on the executor Testlet lends the app.
     *
     * <pre>{@code app.awaitBackgroundTasks(Duration.ofSeconds(10));}</pre>
     *
     * @param timeout how long to wait
     * @throws BackgroundWorkException when tasks failed (each one is reported) or work was still
     *     running at the timeout (listed, with stacks)
     */
    void awaitBackgroundTasks(Duration timeout);

    /**
     * Takes, without waiting, the failures of background work that requests of one layer started and
     * that nothing reported yet (a task that threw, a late write), so the test that owns the layer
     * hears of them when it ends, and no later wait reports them again.
     *
     * <pre>{@code BackgroundWorkException failed = app.takeFailuresOf(testLayer);   // null when none}</pre>
     *
     * @param layer the layer the requests carried
     * @return one exception for those failures (the first is the cause, the others suppressed), or null
     */
    @Nullable BackgroundWorkException takeFailuresOf(OverrideLayer layer);

    /**
     * Counts work a client started on the app's behalf (an async request not sent yet) as
     * background work until the returned action runs.
     *
     * <pre>{@code Runnable done = app.trackBackground("async request GET /x"); ... done.run();}</pre>
     *
     * @param description what the work is, for a timeout report
     * @return the action that marks it finished (idempotent)
     */
    Runnable trackBackground(String description);

    /**
     * The tracked executor Testlet lends the app for background work.
     *
     * <pre>{@code app.backgroundExecutor().submit(task)}</pre>
     *
     * @return the executor
     */
    ExecutorService backgroundExecutor();

    /**
     * What and where the app is, for messages.
     *
     * <pre>{@code app.describe()   // "in-process app at /shop (Jetty ee10)"}</pre>
     *
     * @return a short description
     */
    String describe();

    /**
     * Whether the app has been stopped.
     *
     * <pre>{@code app.isClosed()}</pre>
     *
     * @return true after {@link #close()}
     */
    boolean isClosed();

    /**
     * Stops the app: waits for its background work, then closes its connections, runs its shutdown
     * listeners and stops Jetty, each bounded. Idempotent.
     *
     * @throws BackgroundWorkException when background work failed or was still running (the app is
     *     stopped anyway)
     * @throws IllegalStateException naming the listener whose {@code contextDestroyed} threw, or where
     *     the shutdown was stuck
     */
    @Override
    void close();
}
