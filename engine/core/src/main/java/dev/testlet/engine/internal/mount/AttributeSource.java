package dev.testlet.engine.internal.mount;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the servlet context asks Testlet when the app reads an attribute: the override the current
 * request's scope (or the app's builder) put over it. The EE module's context consults it first.
 */
public interface AttributeSource {

    /**
     * The override the app sees for a name on the calling thread, and notes that the app asked for it.
     *
     * @param name the attribute name
     * @return the overriding value, or null to read the app's own attribute
     */
    @Nullable Object overrideFor(String name);

    /**
     * The overridden names visible on the calling thread.
     *
     * @return the names
     */
    Set<String> overriddenNames();

    /**
     * Installs an override for the app's whole life (what {@code ServletApp.Builder.override} asks for).
     *
     * @param name the attribute name
     * @param value the value
     */
    void overrideForLife(String name, Object value);
}
