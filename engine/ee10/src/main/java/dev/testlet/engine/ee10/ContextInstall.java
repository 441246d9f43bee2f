package dev.testlet.engine.ee10;

import dev.testlet.engine.ContextCustomizer;
import dev.testlet.engine.internal.mount.AppParts;
import dev.testlet.engine.internal.mount.ContextHooks;
import jakarta.servlet.Filter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ListenerHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;

/**
 * Installs an app's parts into a servlet context in a fixed order: settings, listeners, filters,
 * servlets, initializers, error pages, WebSocket endpoints, then the app's own Jetty customizers.
 */
final class ContextInstall {

    private static final String WEBSOCKET_UPGRADE_FILTER = "org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter";

    private ContextInstall() {}

    static void install(ServletContextHandler context, AppParts parts) {
        if (!context.isStopped()) {
            throw new IllegalStateException("installInto needs a context that has not started; " + context
                    + " is " + context.getState());
        }
        context.setContextPath(parts.contextPath());
        parts.settings().forEach(setting -> apply(context, setting));
        parts.listeners().forEach(listener -> addListener(context, listener));
        parts.filters().forEach(filter -> addFilter(context, filter));
        parts.servlets().forEach(servlet -> addServlet(context, servlet));
        parts.initializers().forEach(i -> context.addServletContainerInitializer(i.initializer(),
                i.handledTypes().toArray(Class<?>[]::new)));
        if (!parts.errorPages().isEmpty()) {
            addErrorPages(context, parts);
        }
        if (parts.usesWebSockets()) {
            addEndpoints(context, parts.endpoints());
        }
        parts.customizers().forEach(customizer -> customize(context, customizer));
    }

    private static void apply(ServletContextHandler context, AppParts.Setting setting) {
        switch (setting) {
            case AppParts.Attribute a -> context.setAttribute(a.name(), a.value());
            case AppParts.InitParameter p -> context.setInitParameter(p.name(), p.value());
            case AppParts.LentExecutor e -> {
                Object lent = context.getAttribute(ContextHooks.LENT_EXECUTOR);
                context.setAttribute(e.attribute(), lent != null ? lent : Executors.newVirtualThreadPerTaskExecutor());
            }
            case AppParts.LifelongOverride o -> {
                if (context instanceof TestletContext testlet) {
                    testlet.overrides().overrideForLife(o.name(), o.value());
                } else {
                    context.setAttribute(o.name(), o.value());
                }
            }
        }
    }

    private static void addListener(ServletContextHandler context, Object listener) {
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
    }

    private static void addFilter(ServletContextHandler context, AppParts.FilterMapping mapping) {
        Object filter = mapping.filter();
        @SuppressWarnings("unchecked")
        FilterHolder holder = filter instanceof Filter f
                ? new FilterHolder(f)
                : new FilterHolder((Class<? extends Filter>) filter);
        Class<?> type = filter instanceof Class<?> c ? c : filter.getClass();
        if (type.getName().equals(WEBSOCKET_UPGRADE_FILTER)) {
            // Jetty finds its upgrade filter by this name; mapped here, after the app's own filters,
            // it no longer goes first, so those filters see (and may refuse) handshakes.
            holder.setName(WEBSOCKET_UPGRADE_FILTER);
        }
        WebFilter annotation = type.getAnnotation(WebFilter.class);
        holder.setAsyncSupported(annotation == null || annotation.asyncSupported());
        if (annotation != null) {
            for (WebInitParam p : annotation.initParams()) {
                holder.setInitParameter(p.name(), p.value());
            }
        }
        context.addFilter(holder, mapping.path(), EnumSet.copyOf(mapping.dispatches()));
    }

    private static void addServlet(ServletContextHandler context, AppParts.ServletMapping mapping) {
        Object servlet = mapping.servlet();
        @SuppressWarnings("unchecked")
        ServletHolder holder = servlet instanceof Servlet s
                ? new ServletHolder(s)
                : new ServletHolder((Class<? extends Servlet>) servlet);
        Class<?> type = servlet instanceof Class<?> c ? c : servlet.getClass();
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
        context.addServlet(holder, mapping.path());
    }

    private static void addErrorPages(ServletContextHandler context, AppParts parts) {
        ErrorPageErrorHandler handler = context.getErrorHandler() instanceof ErrorPageErrorHandler h
                ? h : new ErrorPageErrorHandler();
        parts.errorPages().forEach((key, location) -> {
            if (key instanceof Integer status) {
                handler.addErrorPage(status, location);
            } else {
                @SuppressWarnings("unchecked")
                Class<? extends Throwable> type = (Class<? extends Throwable>) key;
                handler.addErrorPage(type, location);
            }
        });
        context.setErrorHandler(handler);
    }

    private static void addEndpoints(ServletContextHandler context, List<Object> endpoints) {
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            for (Object endpoint : endpoints) {
                if (endpoint instanceof Class<?> c) {
                    container.addEndpoint(c);
                } else {
                    container.addEndpoint((ServerEndpointConfig) endpoint);
                }
            }
        });
    }

    private static void customize(ServletContextHandler context, AppParts.Customizer customizer) {
        if (!customizer.contextType().isInstance(context)) {
            throw new IllegalStateException("configureJetty was given a customizer for "
                    + customizer.contextType().getName() + ", but this app runs on " + context.getClass().getName()
                    + " (Jetty ee10); write it for org.eclipse.jetty.ee10.servlet.ServletContextHandler, or for"
                    + " the EE-neutral org.eclipse.jetty.server.handler.ContextHandler");
        }
        @SuppressWarnings("unchecked")
        ContextCustomizer<Object> c = (ContextCustomizer<Object>) customizer.customizer();
        try {
            c.customize(context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a Jetty customizer given to configureJetty threw " + e, e);
        }
    }
}
