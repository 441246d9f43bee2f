package dev.testlet.examples.userproject;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's user {@code pom.xml}, as a new user would paste it: {@code pom.template.xml} is that
 * block, and a fresh project built from it (a servlet, a WebSocket endpoint, a Java test and a Kotlin
 * test, in {@code src/it/hello}) must run green with Maven. This build's Testlet artifacts come from
 * {@code target/it-repo} (invoker:install put them there), which is also that Maven's local
 * repository, so nothing is written into the shared {@code ~/.m2}; everything else it needs is read
 * from {@code ~/.m2} as a file repository, so it needs no network when this build already resolved
 * the same plugins.
 */
class UserProjectTest {

    private static final Path MODULE = Path.of(System.getProperty("testlet.moduleDir"));
    private static final Path ROOT = MODULE.resolve("../..").normalize();
    private static final Path TEMPLATE = MODULE.resolve("pom.template.xml");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @Test
    void the_readme_shows_the_tested_pom() throws IOException {
        Optional<String> block = readmeUserPom(Files.readString(ROOT.resolve("README.md"), UTF_8));

        assertThat(block).as("README.md's user pom.xml block (an ```xml block starting with <?xml that declares"
                + " testlet-dsl), which must be examples/user-project/pom.template.xml").isPresent();
        assertThat(block.get()).as("README.md's user pom.xml block must be examples/user-project/pom.template.xml, which"
                + " UserProjectTest builds").isEqualTo(Files.readString(TEMPLATE, UTF_8));
    }

    @Test
    void the_template_asks_for_this_builds_testlet() throws IOException {
        Matcher version = Pattern.compile("<testlet.version>([^<]+)</testlet.version>").matcher(Files.readString(TEMPLATE, UTF_8));

        assertThat(version.find()).as("pom.template.xml sets testlet.version").isTrue();
        assertThat(version.group(1)).as("testlet.version in pom.template.xml (and the README)")
                .isEqualTo(System.getProperty("testlet.version"));
    }

    @Test
    void a_fresh_project_with_the_readme_pom_runs_its_java_and_kotlin_tests() throws Exception {
        Path run = MODULE.resolve("target/user-project-run");
        Path project = run.resolve("hello");
        deleteTree(run);
        copyTree(MODULE.resolve("src/it/hello"), project);
        Files.copy(TEMPLATE, project.resolve("pom.xml"));
        Path settings = Files.writeString(run.resolve("settings.xml"), settings(Path.of(System.getProperty("testlet.sharedRepo"))));
        Path log = run.resolve("mvn.log");

        long start = System.nanoTime();
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("testlet.mavenHome"), "bin", "mvn").toString(),
                "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + System.getProperty("testlet.itRepo"), "test")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Maven itself runs on the JDK this build's Maven runs on (17 here), not on the test's JDK.
        command.environment().put("JAVA_HOME", System.getProperty("testlet.mavenJavaHome"));
        Process maven = command.start();
        boolean finished = maven.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("mvn test on the fresh project (Maven on " + System.getProperty("testlet.mavenJavaHome") + ") took "
                + took.toMillis() + " ms (log: " + log + ")");

        String output = Files.readString(log, UTF_8);
        assertThat(finished).as("mvn finished within %s; the end of its log:%n%s", LIMIT, tail(output)).isTrue();
        assertThat(maven.exitValue()).as("mvn's exit code; the end of its log:%n%s", tail(output)).isZero();
        assertThat(testsRun(project, "com.example.HelloServletTest")).isEqualTo(5);
        assertThat(testsRun(project, "com.example.HelloServletKotlinTest")).isEqualTo(4);
        assertThat(output).as("a user without an SLF4J backend sees no SLF4J warning").doesNotContain("SLF4J(W)");
    }

    /** The first ```xml block of the README that is a whole pom declaring testlet-dsl, as it is between the fences. */
    static Optional<String> readmeUserPom(String readme) {
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            String xml = block.group(1);
            if (xml.startsWith("<?xml") && xml.contains("<artifactId>testlet-dsl</artifactId>")) {
                return Optional.of(xml);
            }
        }
        return Optional.empty();
    }

    /** Tests run in one class, from Surefire's report; they must all have passed. */
    private static int testsRun(Path project, String testClass) throws IOException {
        Path report = project.resolve("target/surefire-reports/TEST-" + testClass + ".xml");
        assertThat(report).as("Surefire ran %s", testClass).exists();
        String xml = Files.readString(report, UTF_8);
        Matcher suite = Pattern.compile("<testsuite [^>]*").matcher(xml);
        assertThat(suite.find()).isTrue();
        String head = suite.group();
        for (String bad : List.of("failures", "errors", "skipped")) {
            assertThat(attribute(head, bad)).as("%s in %s:%n%s", bad, testClass, xml).isZero();
        }
        return attribute(head, "tests");
    }

    private static int attribute(String element, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(element);
        assertThat(m.find()).as("attribute %s in %s", name, element).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Settings that read everything but Testlet from the shared local repository, as a file repository. */
    private static String settings(Path shared) {
        String url = shared.toUri().toString();
        // ~/.m2 keeps no checksum files, so there is nothing to check them against.
        String repository = "<id>shared-m2</id><url>" + url + "</url>"
                + "<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots>";
        return """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <profiles>
                    <profile>
                      <id>shared-m2</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>shared-m2</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
