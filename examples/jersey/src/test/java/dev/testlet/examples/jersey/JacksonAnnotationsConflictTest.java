package dev.testlet.examples.jersey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.testlet.Testlet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Runs only with {@code -Pjersey-jackson-annotations}, on the class path a Jersey user gets without the
 * jackson-annotations line in this module's pom: jersey-media-json-jackson's 2.19.1 instead of the
 * 2.21 Testlet's Jackson 3 needs. Testlet must refuse to start with a message the user can act on,
 * not die inside Jackson with {@code NoClassDefFoundError: com/fasterxml/jackson/annotation/JsonSerializeAs}.
 */
class JacksonAnnotationsConflictTest {

    @Test
    void the_class_path_is_the_one_jersey_brings() throws IOException {
        ClassLoader loader = getClass().getClassLoader();

        assertThat(loader.getResource("com/fasterxml/jackson/annotation/JsonSerializeAs.class")).isNull();
        assertThat(annotationsVersion(loader)).isEqualTo("2.19.1");
    }

    @Test
    void testlet_refuses_to_start_naming_the_artifact_both_versions_and_the_line_to_add() {
        Throwable failure = catchThrowable(() -> Testlet.start(LibraryApp.app()).close());

        assertThat(failure).isNotNull().isNotInstanceOf(NoClassDefFoundError.class);
        assertThat(failure.getMessage())
                .contains("com.fasterxml.jackson.core:jackson-annotations")
                .contains("found    : 2.19.1 (")
                .contains("needed   : 2.21 or newer")
                .contains("<artifactId>jackson-annotations</artifactId><version>2.21</version>");
    }

    private static String annotationsVersion(ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(
                "META-INF/maven/com.fasterxml.jackson.core/jackson-annotations/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
