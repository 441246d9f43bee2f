package dev.testlet.engine.internal.mount;

import dev.testlet.engine.AppStartupException;
import jakarta.servlet.http.HttpServletResponse;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which Servlet level the class path asks for, and which container serves it. A Servlet 6.1 framework
 * or API on the EE 10 engine is refused at start (Spring 7 routes PATCH through Servlet 6.1's
 * {@code HttpServlet.doPatch} and would answer a silent 501; 6.1-only calls fail with
 * {@code NoSuchMethodError} later), and so is the EE 11 engine over a Servlet 6.0 API jar.
 */
final class ServletLevels {

    /** The artifact an EE 11 user adds instead of {@code testlet-dsl}. */
    static final String EE11_ARTIFACT = "dev.testlet:testlet-dsl-ee11";

    /** The artifact an EE 10 user adds. */
    static final String EE10_ARTIFACT = "dev.testlet:testlet-dsl";

    /**
     * A framework generation that needs Servlet 6.1, known by a class that exists only there.
     *
     * @param name what to call it in a message
     * @param marker a class only that generation has
     */
    record Framework(String name, String marker) {}

    /** Frameworks whose current generation needs Servlet 6.1 (Jakarta EE 11). */
    static final List<Framework> SERVLET_61_FRAMEWORKS = List.of(
            new Framework("Spring Framework 7", "org.springframework.core.retry.RetryTemplate"),
            new Framework("Spring Boot 4", "org.springframework.boot.EnvironmentPostProcessor"),
            new Framework("Jersey 4 (Jakarta REST 4)", "org.glassfish.jersey.innate.BootstrapPreinitialization"));

    private ServletLevels() {}

    static ServletContainer choose(List<ServletContainer> available) {
        return choose(available, hasServlet61Api(), servlet61Frameworks(), apiJar());
    }

    /**
     * Chooses among the containers found, given what the class path holds.
     *
     * @param available the containers on the class path
     * @param api61 whether the Servlet API is 6.1
     * @param needs61 the frameworks on the class path that need Servlet 6.1
     * @param apiJar where the Servlet API comes from, for messages
     * @return the container
     */
    static ServletContainer choose(List<ServletContainer> available, boolean api61, List<String> needs61, String apiJar) {
        Optional<ServletContainer> ee10 = available.stream().filter(c -> !c.servlet61()).findFirst();
        Optional<ServletContainer> ee11 = available.stream().filter(ServletContainer::servlet61).findFirst();
        if (ee10.isEmpty() && ee11.isEmpty()) {
            throw new AppStartupException("no Testlet engine module is on the class path, so there is no Jetty to"
                    + " mount the app on; add " + EE10_ARTIFACT + " (Servlet 6.0: Spring 6, Spring Boot 3, Jersey 3)"
                    + " or " + EE11_ARTIFACT + " (Servlet 6.1: Spring 7, Spring Boot 4, Jersey 4)", null);
        }
        if (ee11.isPresent() && (api61 || ee10.isEmpty())) {
            if (!api61) {
                throw new AppStartupException("Testlet's EE 11 engine (Jetty ee11, Servlet 6.1) is on the class path,"
                        + " but the Servlet API is 6.0 (" + apiJar + "), which Jetty ee11 cannot run on. Add"
                        + " <dependency><groupId>jakarta.servlet</groupId><artifactId>jakarta.servlet-api</artifactId>"
                        + "<version>6.1.0</version></dependency> to your test dependencies, or use " + EE10_ARTIFACT
                        + " if your app is built on Servlet 6.0", null);
            }
            return ee11.get();
        }
        ServletContainer chosen = ee10.orElseThrow();
        if (api61 || !needs61.isEmpty()) {
            throw new AppStartupException("this app needs Servlet 6.1 (Jakarta EE 11): the class path has "
                    + found(api61, needs61, apiJar) + ", but Testlet's engine here is EE 10 (Jetty ee10, Servlet 6.0),"
                    + " where a Servlet 6.1 framework fails quietly (Spring 7 answers PATCH with 501) or with"
                    + " NoSuchMethodError. Use the EE 11 engine: replace " + EE10_ARTIFACT + " with " + EE11_ARTIFACT
                    + " (same version)", null);
        }
        return chosen;
    }

    /**
     * What on the class path asks for Servlet 6.1: the frameworks, and the Servlet API with where its
     * classes come from ({@code tomcat-embed-core} bundles them, and a Boot WAR build has it on the test
     * class path as {@code provided}, often ahead of {@code jakarta.servlet-api}).
     */
    private static String found(boolean api61, List<String> needs61, String apiJar) {
        String api = "the Servlet " + (api61 ? "6.1" : "6.0") + " API (" + apiJar + ")";
        if (needs61.isEmpty()) {
            return api;
        }
        String frameworks = String.join(", ", needs61);
        return api61 ? frameworks + " and " + api : frameworks + ", with " + api;
    }

    /** Whether the Servlet API on the class path is 6.1 or newer. */
    static boolean hasServlet61Api() {
        try {
            HttpServletResponse.class.getMethod("sendRedirect", String.class, int.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The frameworks on the class path that need Servlet 6.1. */
    static List<String> servlet61Frameworks() {
        List<String> found = new ArrayList<>();
        for (Framework framework : SERVLET_61_FRAMEWORKS) {
            if (present(framework.marker())) {
                found.add(framework.name());
            }
        }
        return found;
    }

    /** What to add for a context class of a given EE level. */
    static String artifactHint(String contextClass) {
        if (contextClass.startsWith("org.eclipse.jetty.ee11.")) {
            return "add " + EE11_ARTIFACT;
        }
        if (contextClass.startsWith("org.eclipse.jetty.ee10.")) {
            return "add " + EE10_ARTIFACT;
        }
        return "pass an org.eclipse.jetty.ee10.servlet.ServletContextHandler (with " + EE10_ARTIFACT
                + ") or an org.eclipse.jetty.ee11.servlet.ServletContextHandler (with " + EE11_ARTIFACT + ")";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ServletLevels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Where the Servlet API's classes come from: "jakarta.servlet classes from file:/.../tomcat-embed-core-11.0.22.jar". */
    private static String apiJar() {
        CodeSource source = HttpServletResponse.class.getProtectionDomain().getCodeSource();
        @Nullable Object location = source == null ? null : source.getLocation();
        return location == null ? "jakarta.servlet-api" : "jakarta.servlet classes from " + location;
    }
}
