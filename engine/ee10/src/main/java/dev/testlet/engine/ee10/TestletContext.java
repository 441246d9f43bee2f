package dev.testlet.engine.ee10;

import dev.testlet.engine.internal.mount.AttributeSource;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Jetty's servlet context, with Testlet's overrides: when the app reads an attribute, the override
 * the current request's scope put over it wins, even over the app's own {@code setAttribute} for the
 * same name (so a listener that sets it at startup cannot undo it). The app's own value stays
 * underneath and is what it reads where no override applies.
 */
final class TestletContext extends ServletContextHandler {

    private final AttributeSource overrides;

    TestletContext(AttributeSource overrides) {
        super(ServletContextHandler.SESSIONS);
        this.overrides = overrides;
    }

    AttributeSource overrides() {
        return overrides;
    }

    /** The servlet context the app sees, with overrides. */
    @Override
    public ServletContextApi newServletContextApi() {
        return new OverridableApi();
    }

    /** The ServletContext the app sees. */
    final class OverridableApi extends ServletContextApi {
        @Override
        public Object getAttribute(String name) {
            Object overridden = overrides.overrideFor(name);
            return overridden != null ? overridden : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
            names.addAll(overrides.overriddenNames());
            return Collections.enumeration(names);
        }
    }
}
