package dev.testlet.engine.internal.mount;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContainerInitializer;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * What Testlet puts into every app's servlet context before the app itself: its filter (first in
 * the chain, for every dispatch type), the attribute overrides, the executor it lends the app, and
 * the WebSocket tracking (ahead of the app's own Jakarta WebSocket initializer).
 *
 * @param front Testlet's filter
 * @param attributes where the context looks up overrides
 * @param lentExecutor the tracked executor lent to the app, put under {@link #LENT_EXECUTOR}
 * @param webSocketTracking the initializer that tracks WebSocket sessions, or null when the app
 *     has no WebSocket container
 */
public record ContextHooks(Filter front, AttributeSource attributes, ExecutorService lentExecutor,
        @Nullable ServletContainerInitializer webSocketTracking) {

    /** The context attribute holding the executor Testlet lends the app. */
    public static final String LENT_EXECUTOR = "dev.testlet.backgroundExecutor";

    /** The name of Testlet's filter in the app's chain. */
    public static final String FILTER_NAME = "testlet";
}
