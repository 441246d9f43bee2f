package dev.testlet.engine;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ListenerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link ServletApp.Builder} calls into checked installation steps, and installs them into a
 * Jetty context in a fixed order: settings, attributes, listeners, filters, servlets, initializers,
 * error pages, WebSocket endpoints, then the user's own Jetty customizers.
 */
final class ContextInstaller {

    private ContextInstaller() {}

    /** One thing to do to a context before it starts. */
    @FunctionalInterface
    interface Step {
        void apply(ServletContextHandler context) throws Exception;
    }

    private static final String WEBSOCKET_UPGRADE_FILTER = "org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter";

    private static final List<Class<?>> LISTENER_TYPES = List.of(
            ServletContextListener.class, ServletContextAttributeListener.class, ServletRequestListener.class,
            ServletRequestAttributeListener.class, HttpSessionListener.class, HttpSessionAttributeListener.class,
            HttpSessionIdListener.class);

    static void install(ServletContextHandler context, String contextPath, List<Step> steps) {
        if (!context.isStopped()) {
            throw new IllegalStateException("installInto needs a context that has not started; " + context
                    + " is " + context.getState());
        }
        context.setContextPath(contextPath);
        for (Step step : steps) {
            try {
                step.apply(context);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not install the app into Jetty: " + e, e);
            }
        }
    }

    /** Records and checks builder calls; the builder is its only user. */
    static final class Recorder {
        private @Nullable String contextPath = "/";
        private final List<String> problems = new ArrayList<>();
        private final List<String> summary = new ArrayList<>();
        private final Map<String, String> servletPaths = new HashMap<>();
        private final List<Step> settings = new ArrayList<>();
        private final List<Step> listeners = new ArrayList<>();
        private final List<Step> filters = new ArrayList<>();
        private final List<Step> servlets = new ArrayList<>();
        private final List<Step> initializers = new ArrayList<>();
        private final List<Object> endpoints = new ArrayList<>();
        private final List<Step> customizers = new ArrayList<>();
        private final Map<Object, String> errorPages = new java.util.LinkedHashMap<>();
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
            Class<?> type = servlet instanceof Class<?> c ? c : servlet.getClass();
            checkInstantiable("servlet", servlet);
            summary.add("servlet  " + path + " -> " + name);
            servlets.add(context -> {
                @SuppressWarnings("unchecked")
                ServletHolder holder = servlet instanceof Servlet s
                        ? new ServletHolder(s)
                        : new ServletHolder((Class<? extends Servlet>) servlet);
                configureServlet(holder, type);
                context.addServlet(holder, path);
            });
        }

        void filter(@Nullable String path, @Nullable Object filter, DispatcherType @Nullable [] dispatches) {
            checkPath("filter", path, false);
            if (filter == null) {
                problems.add("the filter for path '" + path + "' is null; pass a filter instance or class");
                return;
            }
            checkInstantiable("filter", filter);
            EnumSet<DispatcherType> types = dispatches == null || dispatches.length == 0
                    ? EnumSet.of(DispatcherType.REQUEST)
                    : EnumSet.copyOf(Arrays.asList(dispatches));
            Class<?> type = filter instanceof Class<?> c ? c : filter.getClass();
            summary.add("filter   " + path + " -> " + nameOf(filter) + " " + types);
            filters.add(context -> {
                @SuppressWarnings("unchecked")
                FilterHolder holder = filter instanceof Filter f
                        ? new FilterHolder(f)
                        : new FilterHolder((Class<? extends Filter>) filter);
                if (type.getName().equals(WEBSOCKET_UPGRADE_FILTER)) {
                    // Jetty finds its upgrade filter by this name; mapped here, after the app's own
                    // filters, it no longer goes first, so those filters see (and may refuse) handshakes.
                    holder.setName(WEBSOCKET_UPGRADE_FILTER);
                }
                WebFilter annotation = type.getAnnotation(WebFilter.class);
                holder.setAsyncSupported(annotation == null || annotation.asyncSupported());
                if (annotation != null) {
                    for (WebInitParam p : annotation.initParams()) {
                        holder.setInitParameter(p.name(), p.value());
                    }
                }
                context.addFilter(holder, path, types);
            });
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
            listeners.add(context -> {
                // Instances and classes go through the same list, so listeners run in the order given.
                ListenerHolder holder = new ListenerHolder();
                if (listener instanceof EventListener l) {
                    holder.setListener(l);
                } else {
                    @SuppressWarnings("unchecked")
                    Class<? extends EventListener> c = (Class<? extends EventListener>) listener;
                    holder.setHeldClass(c);
                }
                context.getServletHandler().addListener(holder);
            });
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
            settings.add(context -> context.setAttribute(name, value));
        }

        void override(@Nullable String name, @Nullable Object value) {
            if (name == null || value == null) {
                problems.add("override " + name + " = " + value + ": an override needs a name and a non-null value");
                return;
            }
            summary.add("override " + name + " = " + value.getClass().getName());
            settings.add(context -> {
                if (context instanceof dev.testlet.engine.internal.TestletContextHandler testlet) {
                    testlet.override(name, value);
                } else {
                    context.setAttribute(name, value);
                }
            });
        }

        void backgroundExecutor(@Nullable String name) {
            if (name == null || name.isEmpty()) {
                problems.add("backgroundExecutor needs the attribute name the app reads its executor from");
                return;
            }
            summary.add("background executor -> attribute " + name);
            settings.add(context -> {
                Object lent = context.getAttribute(dev.testlet.engine.internal.LocalEngine.BACKGROUND_EXECUTOR);
                context.setAttribute(name, lent != null ? lent : java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            });
        }

        void initParameter(@Nullable String name, @Nullable String value) {
            if (name == null || value == null) {
                problems.add("init parameter " + name + " = " + value + ": it needs a name and a non-null value");
                return;
            }
            summary.add("init parameter " + name + " = " + value);
            settings.add(context -> context.setInitParameter(name, value));
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
            initializers.add(context -> context.addServletContainerInitializer(initializer, types));
        }

        void errorPage(Object key, @Nullable String location) {
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

        void customizer(@Nullable ContextCustomizer customizer) {
            if (customizer == null) {
                problems.add("configureJetty was given null; pass a lambda that changes the context");
                return;
            }
            summary.add("jetty customizer");
            customizers.add(customizer::customize);
        }

        List<String> problems() {
            return problems;
        }

        List<String> summary() {
            return summary;
        }

        String contextPathOrRoot() {
            return contextPath == null ? "/" : contextPath;
        }

        boolean usesWebSockets() {
            return webSocketContainer || !endpoints.isEmpty();
        }

        List<Step> steps() {
            List<Step> all = new ArrayList<>(settings);
            all.addAll(listeners);
            all.addAll(filters);
            all.addAll(servlets);
            all.addAll(initializers);
            if (!errorPages.isEmpty()) {
                Map<Object, String> pages = Map.copyOf(errorPages);
                all.add(context -> {
                    ErrorPageErrorHandler handler = context.getErrorHandler() instanceof ErrorPageErrorHandler h
                            ? h : new ErrorPageErrorHandler();
                    pages.forEach((key, location) -> {
                        if (key instanceof Integer status) {
                            handler.addErrorPage(status, location);
                        } else {
                            @SuppressWarnings("unchecked")
                            Class<? extends Throwable> type = (Class<? extends Throwable>) key;
                            handler.addErrorPage(type, location);
                        }
                    });
                    context.setErrorHandler(handler);
                });
            }
            if (usesWebSockets()) {
                List<Object> registered = List.copyOf(endpoints);
                all.add(context -> {
                    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
                        for (Object endpoint : registered) {
                            if (endpoint instanceof Class<?> c) {
                                container.addEndpoint(c);
                            } else {
                                container.addEndpoint((ServerEndpointConfig) endpoint);
                            }
                        }
                    });
                });
            }
            all.addAll(customizers);
            return all;
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

        private static void configureServlet(ServletHolder holder, Class<?> type) {
            WebServlet web = type.getAnnotation(WebServlet.class);
            holder.setAsyncSupported(web == null || web.asyncSupported());
            if (web != null) {
                for (WebInitParam p : web.initParams()) {
                    holder.setInitParameter(p.name(), p.value());
                }
                if (web.loadOnStartup() >= 0) {
                    holder.setInitOrder(web.loadOnStartup());
                }
            }
            MultipartConfig multipart = type.getAnnotation(MultipartConfig.class);
            if (multipart != null) {
                holder.getRegistration().setMultipartConfig(new MultipartConfigElement(multipart));
            }
        }

        private static String nameOf(Object component) {
            return component instanceof Class<?> c ? c.getName() : component.getClass().getName();
        }
    }
}
