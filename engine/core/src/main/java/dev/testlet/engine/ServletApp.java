package dev.testlet.engine;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.EventListener;
import java.util.List;
import dev.testlet.engine.internal.mount.AppParts;
import dev.testlet.engine.internal.mount.Containers;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * An immutable description of a servlet app: what Testlet mounts on Jetty when a test starts it.
 *
 * <pre>{@code
 * ServletApp app = ServletApp.builder()
 *     .servlet("/items/*", new ItemsServlet())
 *     .filter("/*", AuthFilter.class)
 *     .listener(new AppLifecycle())
 *     .attribute("clock", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
 *     .build();
 * try (TestClient client = Testlet.start(app)) { ... }
 * }</pre>
 *
 * <p>An app may be started many times (one app per test is cheap). Components given as classes are
 * instantiated afresh for every start; components given as instances are shared by every start, so
 * give classes when a component keeps state.
 */
public final class ServletApp {

    private final AppParts parts;
    private final List<String> summary;

    private ServletApp(AppParts parts, List<String> summary) {
        this.parts = parts;
        this.summary = List.copyOf(summary);
    }

    /**
     * Starts describing an app.
     *
     * <pre>{@code ServletApp.builder().servlet("/hello", HelloServlet.class).build()}</pre>
     *
     * @return a new builder, with context path {@code "/"}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The context path the app is mounted at; request paths in tests are relative to it.
     *
     * <pre>{@code ServletApp.builder().contextPath("/shop").build().contextPath()   // "/shop"}</pre>
     *
     * @return {@code "/"} or a path like {@code "/shop"}
     */
    public String contextPath() {
        return parts.contextPath();
    }

    /**
     * Whether the app registers Jakarta WebSocket endpoints (so the WebSocket container is started).
     *
     * <pre>{@code ServletApp.builder().websocket(EchoEndpoint.class).build().usesWebSockets()   // true}</pre>
     *
     * @return true when the app has WebSocket endpoints or asked for the container
     */
    public boolean usesWebSockets() {
        return parts.usesWebSockets();
    }

    /**
     * Installs the app's servlets, filters, listeners, attributes, initializers and endpoints into a
     * Jetty servlet context that has not started yet. Testlet calls this when it starts the app; call
     * it yourself to mount the same app on a Jetty server of your own. The context's class says the EE
     * level: {@code org.eclipse.jetty.ee10.servlet.ServletContextHandler} needs
     * {@code testlet-engine-ee10} on the class path, the ee11 one {@code testlet-engine-ee11}.
     *
     * <pre>{@code
     * ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
     * app.installInto(context);
     * server.setHandler(context);
     * }</pre>
     *
     * @param context a servlet context that is not started
     * @throws IllegalStateException when the context has started, or no Testlet module on the class
     *     path handles its EE level (the message names the artifact to add)
     */
    public void installInto(ContextHandler context) {
        if (context == null) {
            throw new IllegalArgumentException("installInto needs a Jetty servlet context, such as"
                    + " new org.eclipse.jetty.ee10.servlet.ServletContextHandler()");
        }
        Containers.owning(context).install(context, parts);
    }

    /**
     * What the app consists of, one component per line, for diagnostics.
     *
     * <pre>{@code
     * servlet /items/* -> com.example.ItemsServlet
     * filter  /*       -> com.example.AuthFilter [REQUEST]
     * }</pre>
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "ServletApp at " + parts.contextPath() + (summary.isEmpty() ? " (empty)" : "\n  " + String.join("\n  ", summary));
    }

    /**
     * Collects the parts of a {@link ServletApp}. Mistakes (a path without a leading {@code /}, a null
     * component, two servlets on one path) are all reported together by {@link #build()}.
     *
     * <pre>{@code
     * ServletApp.builder()
     *     .contextPath("/api")
     *     .servlet("/items/*", ItemsServlet.class)
     *     .initParameter("mode", "test")
     *     .build();
     * }</pre>
     */
    public static final class Builder {

        private final AppRecorder recorder = new AppRecorder();

        private Builder() {}

        /**
         * Where the app is mounted; default {@code "/"}.
         *
         * <pre>{@code builder.contextPath("/shop")   // a test's get("/items") requests /shop/items}</pre>
         *
         * @param contextPath {@code "/"} or a path starting with {@code /} and not ending with one
         * @return this builder
         */
        public Builder contextPath(String contextPath) {
            recorder.contextPath(contextPath);
            return this;
        }

        /**
         * Maps a servlet instance to a path. {@code @MultipartConfig} on its class is honoured.
         *
         * <pre>{@code builder.servlet("/items/*", new ItemsServlet(repository))}</pre>
         *
         * @param path a servlet path: {@code "/exact"}, {@code "/prefix/*"}, {@code "*.ext"}, {@code "/"} or {@code ""}
         * @param servlet the servlet
         * @return this builder
         */
        public Builder servlet(String path, Servlet servlet) {
            recorder.servlet(path, servlet);
            return this;
        }

        /**
         * Maps a servlet class to a path; Jetty creates a fresh instance at each start.
         *
         * <pre>{@code builder.servlet("/hello", HelloServlet.class)}</pre>
         *
         * @param path a servlet path
         * @param servletClass a servlet class with a public no-argument constructor
         * @return this builder
         */
        public Builder servlet(String path, Class<? extends Servlet> servletClass) {
            recorder.servlet(path, servletClass);
            return this;
        }

        /**
         * Maps a filter instance to a path, for the given dispatch types ({@code REQUEST} when none is given).
         *
         * <pre>{@code builder.filter("/*", new AuthFilter(tokens))}</pre>
         *
         * @param path a filter path such as {@code "/*"} or {@code "/admin/*"}
         * @param filter the filter
         * @param dispatches the dispatch types it applies to; none means {@code REQUEST}
         * @return this builder
         */
        public Builder filter(String path, Filter filter, DispatcherType... dispatches) {
            recorder.filter(path, filter, dispatches);
            return this;
        }

        /**
         * Maps a filter class to a path; Jetty creates a fresh instance at each start.
         *
         * <pre>{@code builder.filter("/*", AuthFilter.class, DispatcherType.REQUEST, DispatcherType.ASYNC)}</pre>
         *
         * @param path a filter path
         * @param filterClass a filter class with a public no-argument constructor
         * @param dispatches the dispatch types it applies to; none means {@code REQUEST}
         * @return this builder
         */
        public Builder filter(String path, Class<? extends Filter> filterClass, DispatcherType... dispatches) {
            recorder.filter(path, filterClass, dispatches);
            return this;
        }

        /**
         * Adds a listener: a {@code ServletContextListener} (startup and shutdown), or a session,
         * request or attribute listener.
         *
         * <pre>{@code builder.listener(new AppLifecycle())}</pre>
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(EventListener listener) {
            recorder.listener(listener);
            return this;
        }

        /**
         * Adds a listener class; Jetty creates a fresh instance at each start.
         *
         * <pre>{@code builder.listener(AppLifecycle.class)}</pre>
         *
         * @param listenerClass a listener class with a public no-argument constructor
         * @return this builder
         */
        public Builder listener(Class<? extends EventListener> listenerClass) {
            recorder.listener(listenerClass);
            return this;
        }

        /**
         * Registers a Jakarta WebSocket endpoint class annotated with {@code @ServerEndpoint}.
         *
         * <pre>{@code builder.websocket(EchoEndpoint.class)}</pre>
         *
         * <p>As in production, Jetty upgrades a handshake before the app's filters run, so a filter
         * on the endpoint's path never sees it. To let filters guard handshakes (a 403 from an auth
         * filter), map Jetty's upgrade filter after them:
         * {@code .filter("/ws/*", AuthFilter.class).filter("/*", WebSocketUpgradeFilter.class)}
         * ({@code org.eclipse.jetty.ee10.websocket.servlet.WebSocketUpgradeFilter}, or its ee11 twin).
         *
         * @param endpointClass the annotated endpoint class
         * @return this builder
         */
        public Builder websocket(Class<?> endpointClass) {
            recorder.websocket(endpointClass);
            return this;
        }

        /**
         * Registers a programmatic Jakarta WebSocket endpoint.
         *
         * <pre>{@code builder.websocket(ServerEndpointConfig.Builder.create(Chat.class, "/chat").build())}</pre>
         *
         * @param config the endpoint configuration
         * @return this builder
         */
        public Builder websocket(ServerEndpointConfig config) {
            recorder.websocket(config);
            return this;
        }

        /**
         * Starts the Jakarta WebSocket container even without endpoints here, for apps that register
         * endpoints themselves (from a listener, through the {@code ServerContainer} attribute).
         *
         * <pre>{@code builder.webSocketContainer().listener(new RegistersEndpoints())}</pre>
         *
         * @return this builder
         */
        public Builder webSocketContainer() {
            recorder.webSocketContainer();
            return this;
        }

        /**
         * Sets a {@code ServletContext} attribute before any listener runs: the place to hand the app
         * its collaborators (a clock, a repository, a mailer).
         *
         * <pre>{@code builder.attribute("clock", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))}</pre>
         *
         * @param name the attribute name
         * @param value the value
         * @return this builder
         */
        public Builder attribute(String name, Object value) {
            recorder.attribute(name, value);
            return this;
        }

        /**
         * Puts the tracked executor Testlet lends the app under a context attribute, where the app
         * looks up the executor for its own background work. Tasks submitted to it are what
         * {@code client.awaitBackgroundTasks()} waits for; a task that throws fails that wait. (Mounted
         * outside Testlet, the attribute holds a plain virtual-thread executor.)
         *
         * <pre>{@code
         * // app: ExecutorService mailQueue = (ExecutorService) context.getAttribute("mailQueue");
         * ServletApp.builder().backgroundExecutor("mailQueue")...
         * }</pre>
         *
         * @param attributeName the attribute the app reads its executor from
         * @return this builder
         */
        public Builder backgroundExecutor(String attributeName) {
            recorder.backgroundExecutor(attributeName);
            return this;
        }

        /**
         * Sets a context attribute the app cannot replace: unlike {@link #attribute(String, Object)},
         * it wins even over the app's own {@code setAttribute} for that name, so a listener that puts
         * its real collaborator there at startup still sees the test's. (Mounted outside Testlet, it
         * is a plain attribute.)
         *
         * <pre>{@code ServletApp.builder().listener(new AppLifecycle()).override("mailer", fakeMailer)}</pre>
         *
         * @param name the attribute name
         * @param value the value the app will read
         * @return this builder
         */
        public Builder override(String name, Object value) {
            recorder.override(name, value);
            return this;
        }

        /**
         * Sets a context init parameter, as {@code <context-param>} in web.xml does.
         *
         * <pre>{@code builder.initParameter("mode", "test")}</pre>
         *
         * @param name the parameter name
         * @param value the value
         * @return this builder
         */
        public Builder initParameter(String name, String value) {
            recorder.initParameter(name, value);
            return this;
        }

        /**
         * Runs a {@code ServletContainerInitializer} at startup with the classes it handles: how
         * Spring MVC ({@code SpringServletContainerInitializer} with your {@code WebApplicationInitializer})
         * and Jersey boot without a web.xml.
         *
         * <pre>{@code builder.initializer(new SpringServletContainerInitializer(), MyWebAppInitializer.class)}</pre>
         *
         * @param initializer the initializer
         * @param handledTypes the classes to pass to its {@code onStartup}, as {@code @HandlesTypes} scanning would
         * @return this builder
         */
        public Builder initializer(ServletContainerInitializer initializer, Class<?>... handledTypes) {
            recorder.initializer(initializer, handledTypes);
            return this;
        }

        /**
         * Maps a status code to an error page, as {@code <error-page>} in web.xml does.
         *
         * <pre>{@code builder.errorPage(404, "/errors/not-found")}</pre>
         *
         * @param status the HTTP status, 400 to 599
         * @param location the path of the page, starting with {@code /}
         * @return this builder
         */
        public Builder errorPage(int status, String location) {
            recorder.errorPage(status, location);
            return this;
        }

        /**
         * Maps an exception type to an error page, as {@code <error-page>} in web.xml does.
         *
         * <pre>{@code builder.errorPage(IllegalStateException.class, "/errors/conflict")}</pre>
         *
         * @param exception the exception type (subclasses match too)
         * @param location the path of the page, starting with {@code /}
         * @return this builder
         */
        public Builder errorPage(Class<? extends Throwable> exception, String location) {
            recorder.errorPage(exception, location);
            return this;
        }

        /**
         * The escape hatch: changes the Jetty servlet context directly before it starts. The class
         * says which Jetty the customizer is written for; a customizer for another EE level than the
         * app runs on fails the start with a message saying which class to use instead.
         *
         * <pre>{@code
         * // import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
         * builder.configureJetty(ServletContextHandler.class, context -> context.setMaxFormContentSize(1_000_000))
         * }</pre>
         *
         * <p>Kotlin users: {@code configureJetty(ServletContextHandler::class.java) { it.maxFormContentSize = 1_000_000 }}.
         *
         * @param contextType the context class: the ee10 or ee11 {@code ServletContextHandler}, or the
         *     EE-neutral {@code org.eclipse.jetty.server.handler.ContextHandler}
         * @param customizer what to do with the context
         * @param <C> the context class
         * @return this builder
         */
        public <C> Builder configureJetty(Class<C> contextType, ContextCustomizer<? super C> customizer) {
            recorder.customizer(contextType, customizer);
            return this;
        }

        /**
         * Checks everything given and builds the app.
         *
         * <pre>{@code ServletApp app = builder.build();}</pre>
         *
         * @return the immutable app
         * @throws IllegalArgumentException listing every problem found, each with what to do instead
         */
        public ServletApp build() {
            List<String> problems = new ArrayList<>(recorder.problems());
            if (!problems.isEmpty()) {
                StringBuilder message = new StringBuilder("ServletApp has ")
                        .append(problems.size() == 1 ? "a problem" : problems.size() + " problems")
                        .append(":");
                for (String p : problems) {
                    message.append("\n  - ").append(p);
                }
                throw new IllegalArgumentException(message.toString());
            }
            return new ServletApp(recorder.parts(), recorder.summary());
        }
    }
}
