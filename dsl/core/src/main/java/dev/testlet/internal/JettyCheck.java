package dev.testlet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the Jetty on the class path is one Testlet runs on (12.1.x). Spring Boot 3.5's
 * dependency management names Jetty 12.0.x, and a managed version wins over the one Testlet asks for,
 * so a Boot 3.5 project gets Jetty 12.0 under Testlet without a word; Testlet then fails deep inside
 * ({@code NoSuchMethodError} on {@code LocalConnector$LocalEndPoint.<init>(LocalConnector, int)}).
 * Like {@link DependencyCheck} it loads no class: it reads {@code jetty-server}'s jar for its version.
 *
 * <pre>{@code
 * JettyCheck.jetty(loader);   // Optional["Jetty 12.1 is needed, ... found : 12.0.29 ..."]
 * }</pre>
 */
final class JettyCheck {

    /** The Jetty artifact whose version decides. */
    static final String SERVER = "org.eclipse.jetty:jetty-server";

    /**
     * The Jetty version Testlet is built and tested on; {@code JettyCheckTest} fails when Testlet's
     * own class path has another.
     */
    static final String TESTED = "12.1.8";

    /** The Jetty line Testlet runs on (Spring Boot 4 brings 12.1.10, which works). */
    static final String LINE = "12.1";

    /** A class of {@code jetty-server} in every version: where its jar is found. */
    static final String MARKER = "org/eclipse/jetty/server/LocalConnector.class";

    /** Where a {@code jetty-server} jar says its version. */
    static final String POM_PROPERTIES = "META-INF/maven/org.eclipse.jetty/jetty-server/pom.properties";

    /** The EE levels of Testlet's engine modules, each found by its {@code JettyContainer} class. */
    static final List<String> ENGINE_LEVELS = List.of("ee10", "ee11");

    private JettyCheck() {}

    /**
     * What is wrong with the Jetty that {@code loader} sees, if anything. A jar that does not say its
     * version is given the benefit of the doubt.
     *
     * @param loader the class loader Testlet is loaded by
     * @return the problem for the user, or empty when the Jetty is 12.1.x
     */
    static Optional<String> jetty(@Nullable ClassLoader loader) {
        ClassLoader effective = DependencyCheck.effective(loader);
        DependencyCheck.Found found = DependencyCheck.found(effective.getResource(MARKER), POM_PROPERTIES);
        if (found.location() != null && (found.version() == null || runsOn(found.version()))) {
            return Optional.empty();
        }
        List<String> levels = new ArrayList<>();
        for (String level : ENGINE_LEVELS) {
            if (effective.getResource("dev/testlet/engine/" + level + "/JettyContainer.class") != null) {
                levels.add(level);
            }
        }
        return Optional.of(message(found, levels.isEmpty() ? List.of("ee10") : levels));
    }

    /** Whether Testlet runs on this Jetty version. */
    static boolean runsOn(String version) {
        return version.equals(LINE) || version.startsWith(LINE + ".");
    }

    /**
     * The problem the user reads: the jetty-server found, the line needed, why, and the BOM imports
     * (one per EE level of the Testlet engine modules on the class path) that fix it.
     */
    static String message(DependencyCheck.Found found, List<String> levels) {
        String indent = DependencyCheck.INDENT;
        String location = found.location();
        if (location == null) {
            return "Jetty " + LINE + " is needed, and the class path has no jetty-server.\n"
                    + "artifact : " + SERVER + "\n"
                    + "found    : no jetty-server on the class path\n"
                    + "needed   : " + LINE + ".x (Testlet is built and tested on " + TESTED + ")\n"
                    + "why      : Testlet runs the app on Jetty, and your build leaves jetty-server out (an <exclusion>\n"
                    + indent + "on testlet-dsl, or a scope that keeps it off the test class path)\n"
                    + "fix      : remove that exclusion or scope, so testlet-dsl brings its Jetty\n"
                    + indent + "who leaves it out: mvn dependency:tree -Dincludes=org.eclipse.jetty";
        }
        StringBuilder boms = new StringBuilder(bom("org.eclipse.jetty", "jetty-bom"));
        for (String level : levels) {
            boms.append('\n').append(indent).append(bom("org.eclipse.jetty." + level, "jetty-" + level + "-bom"));
        }
        return "Jetty " + LINE + " is needed, and the class path has another jetty-server.\n"
                + "artifact : " + SERVER + "\n"
                + "found    : " + found.version() + " (" + location + ")\n"
                + "needed   : " + LINE + ".x (Testlet is built and tested on " + TESTED + "; Jetty 12.0 lacks the in-process\n"
                + indent + "connector API it uses, and fails with NoSuchMethodError at the first request)\n"
                + "why      : a version your build's dependency management names wins over the one Testlet asks for,\n"
                + indent + "and Spring Boot 3.5's (spring-boot-dependencies, or spring-boot-starter-parent) names Jetty 12.0\n"
                + "fix      : import Jetty's BOMs in the <dependencyManagement> of your pom.xml, BEFORE Spring Boot's\n"
                + indent + "(the first import that names an artifact wins):\n"
                + indent + boms + "\n"
                + indent + "or, with spring-boot-starter-parent as your pom's parent, set in its <properties>:\n"
                + indent + "<jetty.version>" + TESTED + "</jetty.version>\n"
                + indent + "Gradle with Spring's dependency-management plugin: extra[\"jetty.version\"] = \"" + TESTED + "\"\n"
                + indent + "who chose it: mvn dependency:tree -Dincludes=org.eclipse.jetty";
    }

    private static String bom(String groupId, String artifactId) {
        return "<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId + "</artifactId><version>"
                + TESTED + "</version><type>pom</type><scope>import</scope></dependency>";
    }
}
