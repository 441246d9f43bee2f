package dev.testlet.junit;

import dev.testlet.internal.DependencyCheck;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Refuses to run the extension on a JUnit Jupiter older than 6, with the lines that fix it, instead of a
 * {@code NoClassDefFoundError} or {@code NoSuchMethodError} from deep inside it. Spring Boot 3.5's
 * dependency management names JUnit 5.12, which wins over the JUnit 6 Testlet asks for. Testlet itself
 * ({@code Testlet.start}) runs under any JUnit; only {@code dev.testlet.junit} needs 6.
 *
 * <pre>{@code
 * JUnitCheck.verify();   // IllegalStateException: "Testlet cannot start: JUnit 6 is needed ... found : 5.12.2 ..."
 * }</pre>
 */
final class JUnitCheck {

    /** The JUnit version Testlet's extension is built on; {@code JUnitCheckTest} fails when it changes. */
    static final String BUILT_ON = "6.0.3";

    /** What is wrong with the class path's JUnit, decided once (it does not change); null when nothing. */
    private static final @Nullable String PROBLEM = problem(ExtensionContext.Store.class, ExtensionContext.class).orElse(null);

    private JUnitCheck() {}

    /**
     * Fails when the JUnit Jupiter on the class path is older than 6, reporting with it every other
     * dependency problem {@code Testlet.start} would report next (a Boot 3.5 project has three).
     *
     * @throws IllegalStateException naming each version found, the version needed and the fix
     */
    static void verify() {
        if (PROBLEM != null) {
            List<String> all = new ArrayList<>();
            all.add(PROBLEM);
            all.addAll(DependencyCheck.problems());
            throw new IllegalStateException(DependencyCheck.report(all));
        }
    }

    /**
     * What is wrong with the JUnit Jupiter whose {@code Store} type this is, if anything. JUnit 6 is known
     * by {@code Store.computeIfAbsent(key, function, type)}, new in it, which the extension uses.
     *
     * @param store JUnit's {@code ExtensionContext.Store}
     * @param api a class of the same {@code junit-jupiter-api} jar, for its version and location
     * @return the problem, or empty for JUnit 6 and newer
     */
    static Optional<String> problem(Class<?> store, Class<?> api) {
        try {
            store.getMethod("computeIfAbsent", Object.class, Function.class, Class.class);
            return Optional.empty();
        } catch (NoSuchMethodException older) {
            CodeSource source = api.getProtectionDomain().getCodeSource();
            @Nullable Object location = source == null ? null : source.getLocation();
            return Optional.of(message(api.getPackage().getImplementationVersion(), location == null ? null : location.toString()));
        }
    }

    /** The failure the user reads: what was found, what is needed, why, and the lines that fix it. */
    static String message(@Nullable String version, @Nullable String location) {
        String indent = " ".repeat("artifact : ".length());
        return "JUnit 6 is needed by its JUnit extension, and the class path has an older JUnit Jupiter.\n"
                + "artifact : org.junit.jupiter:junit-jupiter-api\n"
                + "found    : " + (version == null ? "a version before 6" : version)
                + (location == null ? "" : " (" + location + ")") + "\n"
                + "needed   : 6.0 or newer (the extension is built on " + BUILT_ON + " and uses APIs new in JUnit 6)\n"
                + "why      : a version your build's dependency management names wins over the one Testlet asks for,\n"
                + indent + "and Spring Boot 3.5's (spring-boot-dependencies, or spring-boot-starter-parent) names JUnit 5.12\n"
                + "fix      : import JUnit's BOM in the <dependencyManagement> of your pom.xml, BEFORE Spring Boot's:\n"
                + indent + "<dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>" + BUILT_ON
                + "</version><type>pom</type><scope>import</scope></dependency>\n"
                + indent + "or, with spring-boot-starter-parent as your pom's parent, set in its <properties>:\n"
                + indent + "<junit-jupiter.version>" + BUILT_ON + "</junit-jupiter.version>\n"
                + indent + "Gradle with Spring's dependency-management plugin: extra[\"junit-jupiter.version\"] = \"" + BUILT_ON + "\"\n"
                + indent + "(Spring Boot 3.5's own test support runs on JUnit 6 too); or, without the extension, start the\n"
                + indent + "app yourself: Testlet.start(app) in @BeforeAll, close() in @AfterAll\n"
                + indent + "who chose it: mvn dependency:tree -Dincludes=org.junit.jupiter";
    }
}
