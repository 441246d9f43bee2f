package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JettyCheckTest {

    private static final String EE10_ENGINE = "dev/testlet/engine/ee10/JettyContainer.class";
    private static final String EE11_ENGINE = "dev/testlet/engine/ee11/JettyContainer.class";

    @TempDir
    Path dir;

    @Test
    void jetty_12_0_is_reported_with_its_version_where_it_is_and_the_boms_to_import() throws IOException {
        Path jetty = jettyServer("12.0.29");
        Path engine = engine(EE10_ENGINE);

        assertThat(check(jetty, engine)).hasValueSatisfying(message -> assertThat(message)
                .contains("artifact : org.eclipse.jetty:jetty-server")
                .contains("found    : 12.0.29 (" + jetty + ")")
                .contains("needed   : 12.1.x (Testlet is built and tested on 12.1.8;")
                .contains("<groupId>org.eclipse.jetty</groupId><artifactId>jetty-bom</artifactId><version>12.1.8</version>")
                .contains("<groupId>org.eclipse.jetty.ee10</groupId><artifactId>jetty-ee10-bom</artifactId><version>12.1.8</version>")
                .doesNotContain("ee11")
                .contains("<jetty.version>12.1.8</jetty.version>")
                .contains("mvn dependency:tree -Dincludes=org.eclipse.jetty"));
    }

    @Test
    void the_12_1_line_passes_whichever_patch_release_it_is() throws IOException {
        assertThat(check(jettyServer("12.1.8"), engine(EE10_ENGINE))).isEmpty();
        assertThat(check(jettyServer("12.1.10"), engine(EE10_ENGINE))).isEmpty();
    }

    @Test
    void a_jetty_newer_than_the_12_1_line_is_reported_too() throws IOException {
        assertThat(check(jettyServer("13.0.1"), engine(EE10_ENGINE)))
                .hasValueSatisfying(message -> assertThat(message).contains("found    : 13.0.1 ("));
    }

    @Test
    void with_the_ee11_engine_the_fix_imports_the_ee11_bom() throws IOException {
        assertThat(check(jettyServer("12.0.29"), engine(EE11_ENGINE))).hasValueSatisfying(message -> assertThat(message)
                .contains("<groupId>org.eclipse.jetty.ee11</groupId><artifactId>jetty-ee11-bom</artifactId>")
                .doesNotContain("ee10"));
    }

    @Test
    void with_both_engines_the_fix_imports_both_ee_boms() throws IOException {
        assertThat(check(jettyServer("12.0.29"), engine(EE10_ENGINE, EE11_ENGINE))).hasValueSatisfying(message -> assertThat(message)
                .contains("jetty-ee10-bom").contains("jetty-ee11-bom"));
    }

    @Test
    void without_pom_properties_the_version_comes_from_the_manifest() throws IOException {
        Path jetty = FakeJars.write(dir.resolve("repackaged.jar"), Map.of(
                JettyCheck.MARKER, FakeJars.NOT_A_CLASS,
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Version: 12.0.29\n"));

        assertThat(check(jetty)).hasValueSatisfying(message -> assertThat(message).contains("found    : 12.0.29 (" + jetty + ")"));
    }

    @Test
    void a_jar_that_does_not_say_its_version_is_not_refused() throws IOException {
        Path jetty = FakeJars.write(dir.resolve("shaded.jar"), Map.of(JettyCheck.MARKER, FakeJars.NOT_A_CLASS));

        assertThat(check(jetty)).isEmpty();
    }

    @Test
    void no_jetty_server_at_all_is_reported_as_left_out() throws IOException {
        Path unrelated = FakeJars.write(dir.resolve("unrelated.jar"), Map.of("com/example/Other.class", FakeJars.NOT_A_CLASS));

        assertThat(check(unrelated)).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Jetty 12.1 is needed, and the class path has no jetty-server.\n")
                .contains("found    : no jetty-server on the class path")
                .contains("who leaves it out: mvn dependency:tree -Dincludes=org.eclipse.jetty"));
    }

    @Test
    void the_tested_version_is_the_jetty_on_testlets_own_class_path() {
        URL real = JettyCheck.class.getClassLoader().getResource(JettyCheck.MARKER);

        assertThat(DependencyCheck.found(real, JettyCheck.POM_PROPERTIES).version())
                .as("Testlet now builds on another Jetty: update JettyCheck.TESTED (and LINE if it left 12.1)")
                .isEqualTo(JettyCheck.TESTED);
        assertThat(JettyCheck.jetty(JettyCheck.class.getClassLoader())).isEmpty();
    }

    @Test
    void the_message_names_the_artifact_the_versions_and_the_lines_to_add() {
        String message = DependencyCheck.report(List.of(
                JettyCheck.message(new DependencyCheck.Found("12.0.29", "/m2/jetty-server-12.0.29.jar"), List.of("ee10"))));

        assertThat(message).isEqualTo("""
                Testlet cannot start: Jetty 12.1 is needed, and the class path has another jetty-server.
                artifact : org.eclipse.jetty:jetty-server
                found    : 12.0.29 (/m2/jetty-server-12.0.29.jar)
                needed   : 12.1.x (Testlet is built and tested on 12.1.8; Jetty 12.0 lacks the in-process
                           connector API it uses, and fails with NoSuchMethodError at the first request)
                why      : a version your build's dependency management names wins over the one Testlet asks for,
                           and Spring Boot 3.5's (spring-boot-dependencies, or spring-boot-starter-parent) names Jetty 12.0
                fix      : import Jetty's BOMs in the <dependencyManagement> of your pom.xml, BEFORE Spring Boot's
                           (the first import that names an artifact wins):
                           <dependency><groupId>org.eclipse.jetty</groupId><artifactId>jetty-bom</artifactId><version>12.1.8</version><type>pom</type><scope>import</scope></dependency>
                           <dependency><groupId>org.eclipse.jetty.ee10</groupId><artifactId>jetty-ee10-bom</artifactId><version>12.1.8</version><type>pom</type><scope>import</scope></dependency>
                           or, with spring-boot-starter-parent as your pom's parent, set in its <properties>:
                           <jetty.version>12.1.8</jetty.version>
                           Gradle with Spring's dependency-management plugin: extra["jetty.version"] = "12.1.8"
                           who chose it: mvn dependency:tree -Dincludes=org.eclipse.jetty""");
    }

    private Path jettyServer(String version) throws IOException {
        return FakeJars.write(dir.resolve("jetty-server-" + version + ".jar"), Map.of(
                JettyCheck.MARKER, FakeJars.NOT_A_CLASS,
                JettyCheck.POM_PROPERTIES, "groupId=org.eclipse.jetty\nartifactId=jetty-server\nversion=" + version + "\n"));
    }

    private Path engine(String... containerClasses) throws IOException {
        Map<String, String> entries = new HashMap<>();
        for (String containerClass : containerClasses) {
            entries.put(containerClass, FakeJars.NOT_A_CLASS);
        }
        return FakeJars.write(dir.resolve("engine-" + containerClasses.length + ".jar"), entries);
    }

    private static Optional<String> check(Path... jars) throws IOException {
        try (URLClassLoader loader = FakeJars.loaderOf(jars)) {
            return JettyCheck.jetty(loader);
        }
    }
}
