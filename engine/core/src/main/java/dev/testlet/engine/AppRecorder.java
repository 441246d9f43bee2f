package dev.testlet.engine;

import dev.testlet.engine.internal.mount.AppParts;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records and checks {@link ServletApp.Builder} calls: every mistake is collected with what to do
 * instead, and {@link ServletApp.Builder#build()} reports them all at once. What it records is
 * EE-neutral data ({@link AppParts}); the container of the chosen EE level installs it.
 */
final class AppRecorder {

    private static final List<Class<?>> LISTENER_TYPES = List.of(
            ServletContextListener.class, ServletContextAttributeListener.class, ServletRequestListener.class,
            ServletRequestAttributeListener.class, HttpSessionListener.class, HttpSessionAttributeListener.class,
            HttpSessionIdListener.class);

    private @Nullable String contextPath = "/";
    private final List<String> problems = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private final Map<String, String> servletPaths = new HashMap<>();
    private final List<AppParts.Setting> settings = new ArrayList<>();
    private final List<Object> listeners = new ArrayList<>();
    private final List<AppParts.FilterMapping> filters = new ArrayList<>();
    private final List<AppParts.ServletMapping> servlets = new ArrayList<>();
    private final List<AppParts.Initializer> initializers = new ArrayList<>();
    private final Map<Object, String> errorPages = new LinkedHashMap<>();
    private final List<Object> endpoints = new ArrayList<>();
    private final List<AppParts.Customizer> customizers = new ArrayList<>();
    private boolean webSocketContainer;

    void contextPath(@Nullable String path) {
        if (path == null || !(path.equals("/") || (path.startsWith("/") && !path.endsWith("/")))) {
            problems.add("context path '" + path + "' must be \"/\" or start with '/' and not end with one,"
                    + " for example \"/shop\"");
        }
        contextPath = path;
    }

    void servlet(@Nullable String path, @Nullable Object servlet) {
        boolean pathOk = checkPath("servlet", path, true);
        if (servlet == null) {
            problems.add("the servlet for path '" + path + "' is null; pass a servlet instance or class");
            return;
        }
        String name = nameOf(servlet);
        if (pathOk) {
            String previous = servletPaths.putIfAbsent(path, name);
            if (previous != null) {
                problems.add("two servlets are mapped to " + path + ": " + previous + " and " + name
                        + "; a path can have one servlet, so map the second to another path");
            }
        }
        checkInstantiable("servlet", servlet);
        summary.add("servlet  " + path + " -> " + name);
        if (pathOk) {
            servlets.add(new AppParts.ServletMapping(path, servlet));
        }
    }

    void filter(@Nullable String path, @Nullable Object filter, DispatcherType @Nullable [] dispatches) {
        boolean pathOk = checkPath("filter", path, false);
        if (filter == null) {
            problems.add("the filter for path '" + path + "' is null; pass a filter instance or class");
            return;
        }
        checkInstantiable("filter", filter);
        EnumSet<DispatcherType> types = dispatches == null || dispatches.length == 0
                ? EnumSet.of(DispatcherType.REQUEST)
                : EnumSet.copyOf(Arrays.asList(dispatches));
        summary.add("filter   " + path + " -> " + nameOf(filter) + " " + types);
        if (pathOk) {
            filters.add(new AppParts.FilterMapping(path, filter, types));
        }
    }

    void listener(@Nullable Object listener) {
        if (listener == null) {
            problems.add("a listener is null; pass a listener instance or class");
            return;
        }
        Class<?> type = listener instanceof Class<?> c ? c : listener.getClass();
        if (LISTENER_TYPES.stream().noneMatch(t -> t.isAssignableFrom(type))) {
            problems.add("listener " + type.getName() + " implements no servlet listener interface;"
                    + " implement ServletContextListener (startup and shutdown) or a session, request or"
                    + " attribute listener");
            return;
        }
        checkInstantiable("listener", listener);
        summary.add("listener " + nameOf(listener));
        listeners.add(listener);
    }

    void websocket(@Nullable Object endpoint) {
        if (endpoint == null) {
            problems.add("a WebSocket endpoint is null; pass an @ServerEndpoint class or a ServerEndpointConfig");
            return;
        }
        if (endpoint instanceof Class<?> c) {
            ServerEndpoint annotation = c.getAnnotation(ServerEndpoint.class);
            if (annotation == null) {
                problems.add("WebSocket endpoint " + c.getName() + " is not annotated with @ServerEndpoint;"
                        + " annotate it, or register a ServerEndpointConfig for it");
                return;
            }
            summary.add("endpoint " + annotation.value() + " -> " + c.getName());
        } else if (endpoint instanceof ServerEndpointConfig config) {
            summary.add("endpoint " + config.getPath() + " -> " + config.getEndpointClass().getName());
        }
        endpoints.add(endpoint);
    }

    void webSocketContainer() {
        webSocketContainer = true;
    }

    void attribute(@Nullable String name, @Nullable Object value) {
        if (name == null || value == null) {
            problems.add("attribute " + name + " = " + value + ": an attribute needs a name and a non-null"
                    + " value; to test without it, do not set it");
            return;
        }
        summary.add("attribute " + name + " = " + value.getClass().getName());
        settings.add(new AppParts.Attribute(name, value));
    }

    void override(@Nullable String name, @Nullable Object value) {
        if (name == null || value == null) {
            problems.add("override " + name + " = " + value + ": an override needs a name and a non-null value");
            return;
        }
        summary.add("override " + name + " = " + value.getClass().getName());
        settings.add(new AppParts.LifelongOverride(name, value));
    }

    void backgroundExecutor(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            problems.add("backgroundExecutor needs the attribute name the app reads its executor from");
            return;
        }
        summary.add("background executor -> attribute " + name);
        settings.add(new AppParts.LentExecutor(name));
    }

    void initParameter(@Nullable String name, @Nullable String value) {
        if (name == null || value == null) {
            problems.add("init parameter " + name + " = " + value + ": it needs a name and a non-null value");
            return;
        }
        summary.add("init parameter " + name + " = " + value);
        settings.add(new AppParts.InitParameter(name, value));
    }

    void initializer(@Nullable ServletContainerInitializer initializer, Class<?> @Nullable [] handledTypes) {
        if (initializer == null) {
            problems.add("a ServletContainerInitializer is null");
            return;
        }
        Class<?>[] types = handledTypes == null ? new Class<?>[0] : handledTypes.clone();
        if (Arrays.asList(types).contains(null)) {
            problems.add("initializer " + initializer.getClass().getName() + " was given a null handled type");
            return;
        }
        summary.add("initializer " + initializer.getClass().getName()
                + (types.length == 0 ? "" : " with " + Arrays.stream(types).map(Class::getName).toList()));
        initializers.add(new AppParts.Initializer(initializer, List.of(types)));
    }

    void errorPage(@Nullable Object key, @Nullable String location) {
        if (key instanceof Integer status && (status < 400 || status > 599)) {
            problems.add("error page status " + status + " is not an error status; use 400 to 599");
            return;
        }
        if (key == null) {
            problems.add("error page exception type is null");
            return;
        }
        if (location == null || !location.startsWith("/")) {
            problems.add("error page location '" + location + "' must start with '/', for example \"/errors/404\"");
            return;
        }
        summary.add("error page " + (key instanceof Class<?> c ? c.getName() : key) + " -> " + location);
        errorPages.put(key, location);
    }

    void customizer(@Nullable Class<?> contextType, @Nullable ContextCustomizer<?> customizer) {
        if (contextType == null || customizer == null) {
            problems.add("configureJetty needs the context class and a lambda that changes it, for example"
                    + " configureJetty(ServletContextHandler.class, context -> ...)");
            return;
        }
        summary.add("jetty customizer for " + contextType.getName());
        customizers.add(new AppParts.Customizer(contextType, customizer));
    }

    List<String> problems() {
        return problems;
    }

    List<String> summary() {
        return summary;
    }

    AppParts parts() {
        return new AppParts(contextPath == null ? "/" : contextPath, settings, listeners, filters, servlets,
                initializers, errorPages, endpoints, webSocketContainer, customizers);
    }

    private boolean checkPath(String kind, @Nullable String path, boolean servlet) {
        boolean ok = path != null
                && (path.startsWith("/") || (path.startsWith("*.") && path.length() > 2) || (servlet && path.isEmpty()));
        if (ok && path.startsWith("/")) {
            int star = path.indexOf('*');
            ok = star < 0 || (star == path.length() - 1 && path.endsWith("/*"));
        }
        if (!ok) {
            problems.add(kind + " path '" + path + "' is not a servlet mapping; it must start with '/'"
                    + " (\"/items\", \"/items/*\") or be an extension mapping (\"*.json\")");
        }
        return ok;
    }

    private void checkInstantiable(String kind, Object component) {
        if (!(component instanceof Class<?> c)) {
            return;
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            problems.add(kind + " class " + c.getName() + " is abstract; pass a concrete class or an instance");
            return;
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            problems.add(kind + " class " + c.getName() + " is not public, so Jetty cannot create it;"
                    + " make it public, or pass an instance");
            return;
        }
        try {
            c.getConstructor();
        } catch (NoSuchMethodException e) {
            problems.add(kind + " class " + c.getName() + " has no public no-argument constructor, so Jetty"
                    + " cannot create it; add one, or pass an instance");
        }
    }

    private static String nameOf(Object component) {
        return component instanceof Class<?> c ? c.getName() : component.getClass().getName();
    }
}
