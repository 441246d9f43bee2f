package dev.testlet.engine.internal.mount;

import dev.testlet.engine.AppStartupException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.eclipse.jetty.server.handler.ContextHandler;

/**
 * Finds the servlet container of the right EE level among the {@code testlet-engine-eeNN} modules on
 * the class path, and refuses to start an app on a level its Servlet API or framework does not match
 * (a Servlet 6.1 framework on the ee10 engine answers PATCH with a silent 501, say), naming the
 * artifact to use instead.
 */
public final class Containers {

    /** Testlet's containers on the class path, found once: they are stateless. */
    private static final List<ServletContainer> AVAILABLE = load();

    private Containers() {}

    private static List<ServletContainer> load() {
        List<ServletContainer> found = new ArrayList<>();
        ServiceLoader.load(ServletContainer.class, Containers.class.getClassLoader()).forEach(found::add);
        return List.copyOf(found);
    }

    /**
     * The container to run an app on: ee11 when the class path has the Servlet 6.1 API and Testlet's
     * ee11 module, ee10 otherwise.
     *
     * @return the container
     * @throws AppStartupException when no container fits, naming what to add or change
     */
    public static ServletContainer forThisClassPath() {
        return ServletLevels.choose(AVAILABLE);
    }

    /**
     * The container whose servlet context this is.
     *
     * @param context a Jetty servlet context
     * @return its container
     * @throws IllegalStateException when no Testlet module handles its EE level
     */
    public static ServletContainer owning(ContextHandler context) {
        for (ServletContainer container : AVAILABLE) {
            if (container.owns(context)) {
                return container;
            }
        }
        throw new IllegalStateException("no Testlet module on the class path can mount an app on "
                + context.getClass().getName() + "; " + ServletLevels.artifactHint(context.getClass().getName()));
    }
}
