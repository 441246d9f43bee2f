package dev.testlet.engine.internal.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.internal.logging.QuietSlf4j.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test starts a real SLF4J (the slf4j-api jar Jetty brings) in a class loader of its own, so it
 * starts afresh, and reads what it printed on {@code System.err}.
 */
class QuietSlf4jTest {

    @TempDir
    Path dir;

    @Test
    void without_testlet_slf4j_with_no_provider_prints_its_warning() throws Exception {
        try (URLClassLoader loader = loader(slf4jApi())) {
            String printed = stderrOf(() -> factoryOf(loader));

            assertThat(printed).contains("No SLF4J providers were found");
        }
    }

    @Test
    void with_no_provider_slf4j_starts_with_its_no_operation_logger_and_prints_nothing() throws Exception {
        try (URLClassLoader loader = loader(slf4jApi())) {
            String printed = stderrOf(() -> {
                assertThat(QuietSlf4j.startWithoutWarning(loader, System.getProperties())).isEqualTo(Outcome.QUIETED);
                return factoryOf(loader);
            });

            assertThat(printed).isEmpty();
            assertThat(factoryOf(loader)).isEqualTo("org.slf4j.helpers.NOPLoggerFactory");
            assertThat(System.getProperty(QuietSlf4j.PROVIDER_PROPERTY)).as("taken away again").isNull();
            assertThat(System.getProperty(QuietSlf4j.VERBOSITY_PROPERTY)).as("taken away again").isNull();
        }
    }

    @Test
    void a_provider_on_the_class_path_is_left_alone() throws Exception {
        Path services = dir.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, QuietSlf4j.NOP_PROVIDER + "\n");
        try (URLClassLoader loader = loader(slf4jApi(), dir)) {
            assertThat(QuietSlf4j.startWithoutWarning(loader, System.getProperties())).isEqualTo(Outcome.LEFT_ALONE);
        }
    }

    @Test
    void a_provider_the_user_named_is_left_alone() throws Exception {
        java.util.Properties chosen = new java.util.Properties();
        chosen.setProperty(QuietSlf4j.PROVIDER_PROPERTY, "org.example.TheirProvider");
        try (URLClassLoader loader = loader(slf4jApi())) {
            assertThat(QuietSlf4j.startWithoutWarning(loader, chosen)).isEqualTo(Outcome.LEFT_ALONE);
            assertThat(chosen.getProperty(QuietSlf4j.PROVIDER_PROPERTY)).isEqualTo("org.example.TheirProvider");
        }
    }

    @Test
    void without_slf4j_nothing_happens() throws Exception {
        try (URLClassLoader loader = loader(dir)) {
            assertThat(QuietSlf4j.startWithoutWarning(loader, System.getProperties())).isEqualTo(Outcome.NO_SLF4J);
        }
    }

    private static Path slf4jApi() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith("slf4j-api-"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("slf4j-api is not on the test class path"));
    }

    private static URLClassLoader loader(Path... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = entries[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static String factoryOf(ClassLoader loader) throws Exception {
        return Class.forName("org.slf4j.LoggerFactory", true, loader).getMethod("getILoggerFactory").invoke(null)
                .getClass().getName();
    }

    private static String stderrOf(Callable<?> action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, UTF_8));
        try {
            action.call();
        } finally {
            System.setErr(original);
        }
        return captured.toString(UTF_8);
    }
}
