package dev.testlet.engine.internal.logging;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Keeps SLF4J from printing "No SLF4J providers were found" into every test run of a user who has no
 * SLF4J backend. Jetty logs through SLF4J; with no provider on the class path SLF4J falls back to its
 * no-operation logger anyway, and only says so in three lines on {@code System.err}. Testlet starts
 * SLF4J itself, before Jetty does, with that same no-operation provider named explicitly (the
 * {@code slf4j.provider} property, which SLF4J reads for this), and takes the properties away again
 * once SLF4J has read them. It changes nothing when the class path has any provider (Logback,
 * {@code slf4j-simple}, {@code slf4j-jdk14}, Log4j's), an SLF4J 1.7 binding (SLF4J's warning about it is
 * worth reading), or when the user set {@code slf4j.provider} themselves.
 *
 * <pre>{@code
 * QuietSlf4j.startWithoutWarning();   // before the first Jetty class is loaded
 * }</pre>
 */
public final class QuietSlf4j {

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    private static final String FACTORY = "org.slf4j.LoggerFactory";
    private static final String PROVIDERS = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";
    private static final String OLD_BINDING = "org/slf4j/impl/StaticLoggerBinder.class";

    /** What {@link #startWithoutWarning(ClassLoader, Properties)} did. */
    enum Outcome {
        /** SLF4J is not on the class path. */
        NO_SLF4J,
        /** A provider or an old binding is there, or the user chose one: SLF4J starts as it would. */
        LEFT_ALONE,
        /** There was no provider: SLF4J was started quietly with its no-operation provider. */
        QUIETED
    }

    private QuietSlf4j() {}

    /** Decided once per class loader, when the first app starts: SLF4J itself starts only once. */
    private static final class Once {
        static final Outcome OUTCOME = startWithoutWarning(QuietSlf4j.class.getClassLoader(), System.getProperties());
    }

    /**
     * Starts SLF4J quietly when the class path has no provider for it; otherwise does nothing. Only the
     * first call does anything.
     */
    public static void startWithoutWarning() {
        java.util.Objects.requireNonNull(Once.OUTCOME);
    }

    static Outcome startWithoutWarning(@Nullable ClassLoader loader, Properties properties) {
        ClassLoader effective = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        if (effective.getResource(FACTORY.replace('.', '/') + ".class") == null) {
            return Outcome.NO_SLF4J;
        }
        if (properties.getProperty(PROVIDER_PROPERTY) != null || hasProvider(effective)
                || effective.getResource(OLD_BINDING) != null
                // The fallback provider class every slf4j-api 2.0 has (2.0.0 to 2.0.8 ignore the
                // property, and warn as they always did).
                || effective.getResource(NOP_PROVIDER.replace('.', '/') + ".class") == null) {
            return Outcome.LEFT_ALONE;
        }
        // SLF4J reads both properties once, when it starts; they are removed again right after, so
        // nothing else (another class loader's SLF4J) ever sees them.
        boolean setVerbosity = properties.getProperty(VERBOSITY_PROPERTY) == null;
        properties.setProperty(PROVIDER_PROPERTY, NOP_PROVIDER);
        if (setVerbosity) {
            // Naming a provider makes SLF4J print an INFO line about it.
            properties.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
        try {
            Class.forName(FACTORY, true, effective).getMethod("getILoggerFactory").invoke(null);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException
                | InvocationTargetException | LinkageError e) {
            // An SLF4J we do not know: it starts by itself later, as it would have.
        } finally {
            properties.remove(PROVIDER_PROPERTY);
            if (setVerbosity) {
                properties.remove(VERBOSITY_PROPERTY);
            }
        }
        return Outcome.QUIETED;
    }

    private static boolean hasProvider(ClassLoader loader) {
        try {
            Enumeration<URL> services = loader.getResources(PROVIDERS);
            return services.hasMoreElements();
        } catch (IOException e) {
            return true;
        }
    }
}
