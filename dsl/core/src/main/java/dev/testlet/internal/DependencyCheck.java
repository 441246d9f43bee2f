package dev.testlet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.jspecify.annotations.Nullable;

/**
 * Checks the class path for what Testlet's dependencies need but Maven may not have picked, before
 * anything loads them: a framework's Jackson 2 (Jersey's {@code jersey-media-json-jackson}, a
 * Spring app's {@code jackson-databind} 2.x, Spring Boot 3's dependency management) names an older
 * {@code jackson-annotations} nearer to the user's project than Testlet's Jackson 3 does, Maven
 * takes the nearest, and Jackson 3 then dies in its first class with
 * {@code NoClassDefFoundError: com/fasterxml/jackson/annotation/JsonSerializeAs}; and Spring Boot
 * 3.5's dependency management puts Jetty 12.0 under Testlet (see {@link JettyCheck}). Every problem
 * found is reported in one exception.
 *
 * <p>The check loads no class: it asks the class loader for resources only (a {@code .class} file
 * and the jar's {@code pom.properties} or manifest), so it can run before Jackson 3 is touched.
 *
 * <pre>{@code
 * DependencyCheck.verify();   // first thing, before a JsonMapper is built
 * }</pre>
 */
public final class DependencyCheck {

    /** The artifact Jackson 3 shares with Jackson 2. */
    static final String ANNOTATIONS = "com.fasterxml.jackson.core:jackson-annotations";

    /**
     * The jackson-annotations version Testlet's Jackson 3 was built against; {@code DependencyCheckTest}
     * fails when the Jackson on Testlet's own class path brings another.
     */
    static final String NEEDED = "2.21";

    /** A class new in {@link #NEEDED}, used by Jackson 3's {@code JacksonAnnotationIntrospector}. */
    static final String MARKER = "com/fasterxml/jackson/annotation/JsonSerializeAs.class";

    /** A class in every jackson-annotations version: where the jar on the class path is found. */
    static final String ANY_VERSION = "com/fasterxml/jackson/annotation/JsonAutoDetect.class";

    /** Where a jackson-annotations jar says its version. */
    static final String POM_PROPERTIES = "META-INF/maven/com.fasterxml.jackson.core/jackson-annotations/pom.properties";

    /** Where a fact's continuation lines start, under its value. */
    static final String INDENT = " ".repeat("artifact : ".length());

    private DependencyCheck() {}

    /**
     * Fails when a dependency Testlet needs is missing or of a version it cannot run on, on the class
     * path of Testlet's own class loader, with what was found, what is needed and the lines to add;
     * every problem found is in the one message.
     *
     * <pre>{@code DependencyCheck.verify();   // throws IllegalStateException naming jackson-annotations 2.19.2 and Jetty 12.0.29}</pre>
     *
     * @throws IllegalStateException naming each artifact, the version found, the version needed and the fix
     */
    public static void verify() {
        List<String> problems = problems(DependencyCheck.class.getClassLoader());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(report(problems));
        }
    }

    /**
     * Every problem with the dependencies Testlet's own class loader sees, for a caller that reports
     * them together with its own ({@link #report(List)}).
     *
     * <pre>{@code List<String> problems = DependencyCheck.problems();   // [] when all is well}</pre>
     *
     * @return the problems, each a block of aligned facts; empty when there are none
     */
    static List<String> problems() {
        return problems(DependencyCheck.class.getClassLoader());
    }

    /**
     * Every problem with the dependencies {@code loader} sees, each a block of aligned facts.
     *
     * @param loader the class loader Testlet is loaded by
     * @return the problems, in a fixed order; empty when there are none
     */
    static List<String> problems(@Nullable ClassLoader loader) {
        List<String> problems = new ArrayList<>(2);
        jacksonAnnotations(loader).ifPresent(problems::add);
        JettyCheck.jetty(loader).ifPresent(problems::add);
        return problems;
    }

    /**
     * The message of the exception: one problem as it is, several one after another under a count.
     *
     * <pre>{@code throw new IllegalStateException(DependencyCheck.report(problems));}</pre>
     *
     * @param problems at least one problem
     * @return the message
     */
    static String report(List<String> problems) {
        if (problems.size() == 1) {
            return "Testlet cannot start: " + problems.get(0);
        }
        return "Testlet cannot start: " + problems.size() + " of its dependencies on the class path are not what it"
                + " needs; fix each:\n\n" + String.join("\n\n", problems);
    }

    /**
     * What is wrong with the jackson-annotations that {@code loader} sees, if anything.
     *
     * @param loader the class loader Jackson 3 is loaded by
     * @return the problem for the user, or empty when the jar has what Jackson 3 needs
     */
    static Optional<String> jacksonAnnotations(@Nullable ClassLoader loader) {
        ClassLoader effective = effective(loader);
        if (effective.getResource(MARKER) != null) {
            return Optional.empty();
        }
        return Optional.of(message(found(effective.getResource(ANY_VERSION), POM_PROPERTIES)));
    }

    /** The loader to ask: the system class loader for classes of the boot loader. */
    static ClassLoader effective(@Nullable ClassLoader loader) {
        return loader == null ? ClassLoader.getSystemClassLoader() : loader;
    }

    /**
     * The jar a class of an artifact was found in.
     *
     * @param version its version, or null when the jar does not say
     * @param location where it is (a jar path), or null when the artifact is not on the class path
     */
    record Found(@Nullable String version, @Nullable String location) {}

    /**
     * Reads the version of the jar holding {@code anyClass}: its Maven {@code pom.properties} (at
     * {@code pomProperties} in the jar), else its manifest's {@code Implementation-Version} or
     * {@code Bundle-Version}.
     */
    static Found found(@Nullable URL anyClass, String pomProperties) {
        if (anyClass == null) {
            return new Found(null, null);
        }
        String text = anyClass.toString();
        int bang = text.indexOf("!/");
        if (!"jar".equals(anyClass.getProtocol()) || bang < 0) {
            return new Found(null, text);
        }
        String jar = text.substring(0, bang + 2);
        String version = pomVersion(jar, pomProperties);
        return new Found(version != null ? version : manifestVersion(jar), path(jar.substring("jar:".length(), bang)));
    }

    /** A {@code file:} URI as a path, other URIs as they are. */
    private static String path(String uri) {
        try {
            return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
        } catch (RuntimeException notAPath) {
            return uri;
        }
    }

    private static @Nullable String pomVersion(String jar, String pomProperties) {
        try (InputStream in = open(URI.create(jar + pomProperties).toURL())) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | RuntimeException absent) {
            return null;
        }
    }

    private static @Nullable String manifestVersion(String jar) {
        try (InputStream in = open(URI.create(jar + "META-INF/MANIFEST.MF").toURL())) {
            Attributes main = new Manifest(in).getMainAttributes();
            String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
            return version != null ? version : main.getValue("Bundle-Version");
        } catch (IOException | RuntimeException absent) {
            return null;
        }
    }

    /** Opens a jar entry without Java's jar cache, which would keep the file open. */
    private static InputStream open(URL entry) throws IOException {
        URLConnection connection = entry.openConnection();
        if (connection instanceof JarURLConnection) {
            connection.setUseCaches(false);
        }
        return connection.getInputStream();
    }

    /** The problem the user reads: what was found, what is needed, why, and the line that fixes it. */
    static String message(Found found) {
        String foundText = found.location() == null
                ? "no jackson-annotations on the class path"
                : (found.version() == null ? "a version that does not say which" : found.version()) + " (" + found.location() + ")";
        String line = "<dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId>"
                + "<version>" + NEEDED + "</version></dependency>";
        String indent = INDENT;
        return "Jackson 3 needs a newer jackson-annotations than the class path has.\n"
                + "artifact : " + ANNOTATIONS + "\n"
                + "found    : " + foundText + "\n"
                + "needed   : " + NEEDED + " or newer (Jackson 3 uses @JsonSerializeAs, new in " + NEEDED + ")\n"
                + "why      : Maven takes the version nearest to your project, and a framework's Jackson 2 (Jersey's\n"
                + indent + "jersey-media-json-jackson, a jackson-databind 2.x of your own, Spring Boot 3's managed\n"
                + indent + "versions) names an older jackson-annotations than Testlet's Jackson 3 does\n"
                + "fix      : add this to the <dependencies> of your pom.xml, in compile scope (not <scope>test</scope>:\n"
                + indent + "your app needs the annotations at run time too):\n"
                + indent + line + "\n"
                + indent + "Gradle: implementation(\"" + ANNOTATIONS + ":" + NEEDED + "\")\n"
                + indent + "who brings the old one: mvn dependency:tree -Dincludes=" + ANNOTATIONS;
    }
}
