package dev.testlet.engine.internal.mount;

import dev.testlet.engine.ContextCustomizer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A servlet app as checked data, independent of the EE level it will run on: what
 * {@code ServletApp.Builder} recorded, in the order the container installs it. Components are given
 * as instances (shared by every start) or classes (created by Jetty at each start).
 *
 * @param contextPath "/" or a path like "/shop"
 * @param settings attributes, init parameters, lent executors and lifelong overrides, in call order
 * @param listeners listener instances or classes, in call order (so they run in that order)
 * @param filters filter mappings, in call order
 * @param servlets servlet mappings, in call order
 * @param initializers servlet container initializers, in call order
 * @param errorPages error pages by status ({@link Integer}) or exception type ({@link Class})
 * @param endpoints WebSocket endpoint classes or {@code ServerEndpointConfig}s
 * @param webSocketContainer whether the app needs the Jakarta WebSocket container
 * @param customizers the app's Jetty customizers, in call order
 */
public record AppParts(
        String contextPath,
        List<Setting> settings,
        List<Object> listeners,
        List<FilterMapping> filters,
        List<ServletMapping> servlets,
        List<Initializer> initializers,
        Map<Object, String> errorPages,
        List<Object> endpoints,
        boolean webSocketContainer,
        List<Customizer> customizers) {

    /** Copies every list. */
    public AppParts {
        settings = List.copyOf(settings);
        listeners = List.copyOf(listeners);
        filters = List.copyOf(filters);
        servlets = List.copyOf(servlets);
        initializers = List.copyOf(initializers);
        errorPages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(errorPages));
        endpoints = List.copyOf(endpoints);
        customizers = List.copyOf(customizers);
    }

    /**
     * Whether the app starts the Jakarta WebSocket container.
     *
     * @return true with endpoints, or when asked for
     */
    public boolean usesWebSockets() {
        return webSocketContainer || !endpoints.isEmpty();
    }

    /** Something set on the context before any listener runs. */
    public sealed interface Setting {}

    /**
     * A context attribute.
     *
     * @param name the name
     * @param value the value
     */
    public record Attribute(String name, Object value) implements Setting {}

    /**
     * A context init parameter.
     *
     * @param name the name
     * @param value the value
     */
    public record InitParameter(String name, String value) implements Setting {}

    /**
     * The executor Testlet lends the app, under the attribute the app reads it from.
     *
     * @param attribute the attribute name
     */
    public record LentExecutor(String attribute) implements Setting {}

    /**
     * An override for the app's whole life (a plain attribute when mounted outside Testlet).
     *
     * @param name the attribute name
     * @param value the value
     */
    public record LifelongOverride(String name, Object value) implements Setting {}

    /**
     * A filter mapping.
     *
     * @param path the mapping
     * @param filter the filter instance or class
     * @param dispatches the dispatch types
     */
    public record FilterMapping(String path, Object filter, Set<DispatcherType> dispatches) {}

    /**
     * A servlet mapping.
     *
     * @param path the mapping
     * @param servlet the servlet instance or class
     */
    public record ServletMapping(String path, Object servlet) {}

    /**
     * A servlet container initializer with the classes it handles.
     *
     * @param initializer the initializer
     * @param handledTypes the classes passed to its {@code onStartup}
     */
    public record Initializer(ServletContainerInitializer initializer, List<Class<?>> handledTypes) {}

    /**
     * A Jetty customizer for one type of context.
     *
     * @param contextType the context class the customizer takes
     * @param customizer the customizer
     */
    public record Customizer(Class<?> contextType, ContextCustomizer<?> customizer) {}
}
