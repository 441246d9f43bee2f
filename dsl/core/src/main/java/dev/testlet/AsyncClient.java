package dev.testlet;

import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.App;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A client whose requests each run on their own virtual thread; the app's handler runs on that
 * thread. What the request's thread sees of the caller's thread: inheritable thread locals (always),
 * and the thread locals registered with {@link #withThreadLocal(ThreadLocal)} (copied at the call,
 * removed after).
 *
 * <pre>{@code
 * AsyncClient async = client.async();
 * List<CompletableFuture<Response>> pending = IntStream.range(0, 100)
 *     .mapToObj(i -> async.given().get("/items/{id}", i)).toList();
 * pending.forEach(f -> f.join().expectStatus(200));
 * }</pre>
 *
 * <p>Kotlin users: {@code client.async().given().get("/items").await()} with kotlinx-coroutines.
 */
public final class AsyncClient {

    private final TestClient client;
    private final List<ThreadLocal<?>> carried;

    AsyncClient(TestClient client, List<ThreadLocal<?>> carried) {
        this.client = client;
        this.carried = carried;
    }

    /**
     * Starts a request.
     *
     * <pre>{@code client.async().given().bearerAuth(t).get("/items")}</pre>
     *
     * @return an empty async request spec
     */
    @CheckReturnValue
    public AsyncRequestSpec given() {
        return new AsyncRequestSpec(client.settings(), AbstractRequestSpec.empty(), this);
    }

    /**
     * Sends a plan on a virtual thread.
     *
     * <pre>{@code client.async().execute(plan).join()}</pre>
     *
     * @param plan the plan
     * @return the future response
     */
    public CompletableFuture<Response> execute(RequestPlan plan) {
        return submit(plan.method() + " " + plan.target(), () -> client.execute(plan));
    }

    /**
     * An async client that copies the calling thread's value of a thread local into each request's
     * thread (for the request's duration): a security context, an MDC map, a tenant.
     *
     * <pre>{@code client.async().withThreadLocal(TenantContext.CURRENT)}</pre>
     *
     * @param threadLocal the thread local to carry
     * @return the derived async client
     */
    @CheckReturnValue
    public AsyncClient withThreadLocal(ThreadLocal<?> threadLocal) {
        if (threadLocal == null) {
            throw new IllegalArgumentException("withThreadLocal needs a ThreadLocal, but got null");
        }
        List<ThreadLocal<?>> list = new ArrayList<>(carried);
        list.add(threadLocal);
        return new AsyncClient(client, List.copyOf(list));
    }

    /**
     * The synchronous client this async client sends with.
     *
     * <pre>{@code client.async().sync() == client}</pre>
     *
     * @return the client
     */
    public TestClient sync() {
        return client;
    }

    /**
     * Runs work on a new virtual thread with the carried thread locals, completing the future with its
     * result. The work counts as the app's background work from now until it ends, so
     * {@code awaitBackgroundTasks()} right after sending waits for it.
     */
    <T> CompletableFuture<T> submit(String description, Supplier<T> work) {
        App app = client.settings().app();
        Runnable finished = app == null ? () -> {} : app.trackBackground("async request " + description + " (being sent)");
        Object[] values = new Object[carried.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = carried.get(i).get();
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread.ofVirtual().name("testlet-async").start(() -> {
            for (int i = 0; i < values.length; i++) {
                set(carried.get(i), values[i]);
            }
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                carried.forEach(ThreadLocal::remove);
                finished.run();
            }
        });
        return future;
    }

    @SuppressWarnings("unchecked")
    private static <V> void set(ThreadLocal<V> local, Object value) {
        if (value != null) {
            local.set((V) value);
        }
    }
}
