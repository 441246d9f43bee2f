package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.testlet.internal.DependencyCheck;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

class JUnitCheckTest {

    /** A {@code Store} as JUnit 5 has it: {@code getOrComputeIfAbsent}, no {@code computeIfAbsent}. */
    interface JUnit5Store {
        <K, V> V getOrComputeIfAbsent(K key, java.util.function.Function<K, V> defaultCreator, Class<V> requiredType);
    }

    @Test
    void the_junit_on_testlets_own_class_path_passes() {
        assertThat(JUnitCheck.problem(ExtensionContext.Store.class, ExtensionContext.class)).isEmpty();
        assertThatCode(JUnitCheck::verify).doesNotThrowAnyException();
    }

    @Test
    void the_version_built_on_is_the_junit_on_testlets_own_class_path() {
        assertThat(ExtensionContext.class.getPackage().getImplementationVersion())
                .as("Testlet now builds on another JUnit: update JUnitCheck.BUILT_ON").isEqualTo(JUnitCheck.BUILT_ON);
    }

    @Test
    void a_store_without_compute_if_absent_is_junit_5_and_is_reported_with_the_jar() {
        assertThat(JUnitCheck.problem(JUnit5Store.class, ExtensionContext.class)).hasValueSatisfying(message -> assertThat(message)
                .contains("found    : " + JUnitCheck.BUILT_ON + " (")
                .contains("junit-jupiter-api-" + JUnitCheck.BUILT_ON + ".jar)"));
    }

    @Test
    void the_message_names_the_version_found_and_the_lines_that_fix_it() {
        String message = DependencyCheck.report(List.of(JUnitCheck.message("5.12.2", "file:/m2/junit-jupiter-api-5.12.2.jar")));

        assertThat(message).isEqualTo("""
                Testlet cannot start: JUnit 6 is needed by its JUnit extension, and the class path has an older JUnit Jupiter.
                artifact : org.junit.jupiter:junit-jupiter-api
                found    : 5.12.2 (file:/m2/junit-jupiter-api-5.12.2.jar)
                needed   : 6.0 or newer (the extension is built on 6.0.3 and uses APIs new in JUnit 6)
                why      : a version your build's dependency management names wins over the one Testlet asks for,
                           and Spring Boot 3.5's (spring-boot-dependencies, or spring-boot-starter-parent) names JUnit 5.12
                fix      : import JUnit's BOM in the <dependencyManagement> of your pom.xml, BEFORE Spring Boot's:
                           <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>6.0.3</version><type>pom</type><scope>import</scope></dependency>
                           or, with spring-boot-starter-parent as your pom's parent, set in its <properties>:
                           <junit-jupiter.version>6.0.3</junit-jupiter.version>
                           Gradle with Spring's dependency-management plugin: extra["junit-jupiter.version"] = "6.0.3"
                           (Spring Boot 3.5's own test support runs on JUnit 6 too); or, without the extension, start the
                           app yourself: Testlet.start(app) in @BeforeAll, close() in @AfterAll
                           who chose it: mvn dependency:tree -Dincludes=org.junit.jupiter""");
    }

    @Test
    void a_jar_that_does_not_say_its_version_is_still_reported() {
        assertThat(JUnitCheck.message(null, null)).contains("found    : a version before 6\n");
    }
}
