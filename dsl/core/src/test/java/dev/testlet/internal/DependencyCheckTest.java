package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyCheckTest {

    private static final String NOT_A_CLASS = FakeJars.NOT_A_CLASS;

    private static final String POM_PROPERTIES = DependencyCheck.POM_PROPERTIES;

    @TempDir
    Path dir;

    @Test
    void an_old_jackson_annotations_is_reported_with_its_version_and_where_it_is() throws IOException {
        Path jar = jar("jackson-annotations-2.19.1.jar", Map.of(
                DependencyCheck.ANY_VERSION, NOT_A_CLASS,
                POM_PROPERTIES, "groupId=com.fasterxml.jackson.core\nartifactId=jackson-annotations\nversion=2.19.1\n"));

        Optional<String> problem = checkOnly(jar);

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .contains("artifact : com.fasterxml.jackson.core:jackson-annotations")
                .contains("found    : 2.19.1 (" + jar + ")")
                .contains("needed   : 2.21 or newer")
                .contains("<version>2.21</version>"));
    }

    @Test
    void a_jackson_annotations_with_JsonSerializeAs_passes() throws IOException {
        Path jar = jar("jackson-annotations-2.21.jar", Map.of(
                DependencyCheck.ANY_VERSION, NOT_A_CLASS,
                DependencyCheck.MARKER, NOT_A_CLASS,
                POM_PROPERTIES, "version=2.21\n"));

        assertThat(checkOnly(jar)).isEmpty();
    }

    @Test
    void without_pom_properties_the_version_comes_from_the_manifest() throws IOException {
        Path jar = jar("repackaged.jar", Map.of(
                DependencyCheck.ANY_VERSION, NOT_A_CLASS,
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Version: 2.20\n"));

        assertThat(checkOnly(jar)).hasValueSatisfying(message -> assertThat(message).contains("found    : 2.20 (" + jar + ")"));
    }

    @Test
    void a_bundle_version_is_read_when_the_manifest_has_no_implementation_version() throws IOException {
        Path jar = jar("bundle.jar", Map.of(
                DependencyCheck.ANY_VERSION, NOT_A_CLASS,
                "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nBundle-Version: 2.19.1\n"));

        assertThat(checkOnly(jar)).hasValueSatisfying(message -> assertThat(message).contains("found    : 2.19.1 (" + jar + ")"));
    }

    @Test
    void a_jar_that_does_not_say_its_version_is_still_reported_by_where_it_is() throws IOException {
        Path jar = jar("shaded.jar", Map.of(DependencyCheck.ANY_VERSION, NOT_A_CLASS));

        assertThat(checkOnly(jar)).hasValueSatisfying(message -> assertThat(message)
                .contains("found    : a version that does not say which (" + jar + ")"));
    }

    @Test
    void no_jackson_annotations_at_all_is_reported_as_missing() throws IOException {
        Path jar = jar("unrelated.jar", Map.of("com/example/Other.class", NOT_A_CLASS));

        assertThat(checkOnly(jar)).hasValueSatisfying(message -> assertThat(message)
                .contains("found    : no jackson-annotations on the class path"));
    }

    @Test
    void testlets_own_class_path_passes() {
        assertThatCode(DependencyCheck::verify).doesNotThrowAnyException();
    }

    @Test
    void the_needed_version_is_the_one_testlets_jackson_3_brings() {
        URL real = DependencyCheck.class.getClassLoader().getResource(DependencyCheck.ANY_VERSION);

        assertThat(DependencyCheck.found(real, DependencyCheck.POM_PROPERTIES).version())
                .as("Jackson 3 now brings another jackson-annotations: update DependencyCheck.NEEDED, and MARKER to a"
                        + " class that is new in it if Jackson 3 uses one")
                .isEqualTo(DependencyCheck.NEEDED);
    }

    @Test
    void the_message_names_the_artifact_the_versions_and_the_line_to_add() {
        String message = DependencyCheck.report(List.of(
                DependencyCheck.message(new DependencyCheck.Found("2.19.1", "/m2/jackson-annotations-2.19.1.jar"))));

        assertThat(message).isEqualTo("""
                Testlet cannot start: Jackson 3 needs a newer jackson-annotations than the class path has.
                artifact : com.fasterxml.jackson.core:jackson-annotations
                found    : 2.19.1 (/m2/jackson-annotations-2.19.1.jar)
                needed   : 2.21 or newer (Jackson 3 uses @JsonSerializeAs, new in 2.21)
                why      : Maven takes the version nearest to your project, and a framework's Jackson 2 (Jersey's
                           jersey-media-json-jackson, a jackson-databind 2.x of your own, Spring Boot 3's managed
                           versions) names an older jackson-annotations than Testlet's Jackson 3 does
                fix      : add this to the <dependencies> of your pom.xml, in compile scope (not <scope>test</scope>:
                           your app needs the annotations at run time too):
                           <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-annotations</artifactId><version>2.21</version></dependency>
                           Gradle: implementation("com.fasterxml.jackson.core:jackson-annotations:2.21")
                           who brings the old one: mvn dependency:tree -Dincludes=com.fasterxml.jackson.core:jackson-annotations""");
    }

    @Test
    void an_old_jackson_annotations_and_an_old_jetty_are_reported_together_in_one_exception() throws IOException {
        Path annotations = jar("jackson-annotations-2.19.2.jar", Map.of(
                DependencyCheck.ANY_VERSION, NOT_A_CLASS, POM_PROPERTIES, "version=2.19.2\n"));
        Path jetty = jar("jetty-server-12.0.29.jar", Map.of(
                JettyCheck.MARKER, NOT_A_CLASS, JettyCheck.POM_PROPERTIES, "version=12.0.29\n"));

        List<String> problems;
        try (URLClassLoader loader = FakeJars.loaderOf(annotations, jetty)) {
            problems = DependencyCheck.problems(loader);
        }
        String message = DependencyCheck.report(problems);

        assertThat(problems).hasSize(2);
        assertThat(message)
                .startsWith("Testlet cannot start: 2 of its dependencies on the class path are not what it needs; fix each:\n\n"
                        + "Jackson 3 needs a newer jackson-annotations than the class path has.\n")
                .contains("found    : 2.19.2 (" + annotations + ")")
                .contains("\n\nJetty 12.1 is needed, and the class path has another jetty-server.\n")
                .contains("found    : 12.0.29 (" + jetty + ")")
                .contains("<artifactId>jetty-ee10-bom</artifactId>");
    }

    @Test
    void a_class_path_with_both_right_has_no_problem() throws IOException {
        Path annotations = jar("jackson-annotations-2.21.jar", Map.of(
                DependencyCheck.ANY_VERSION, NOT_A_CLASS, DependencyCheck.MARKER, NOT_A_CLASS));
        Path jetty = jar("jetty-server-12.1.8.jar", Map.of(
                JettyCheck.MARKER, NOT_A_CLASS, JettyCheck.POM_PROPERTIES, "version=12.1.8\n"));

        try (URLClassLoader loader = FakeJars.loaderOf(annotations, jetty)) {
            assertThat(DependencyCheck.problems(loader)).isEmpty();
        }
    }

    /** The check against a class loader that sees only {@code jar} (and the JDK). */
    private static Optional<String> checkOnly(Path jar) throws IOException {
        try (URLClassLoader loader = FakeJars.loaderOf(jar)) {
            return DependencyCheck.jacksonAnnotations(loader);
        }
    }

    private Path jar(String name, Map<String, String> entries) throws IOException {
        return FakeJars.write(dir.resolve(name), entries);
    }
}
