package dev.testlet.engine.internal.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.AppStartupException;
import jakarta.servlet.ServletRequest;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which EE level an app runs on, and the start-time refusals that replace a silent 501 later. */
class ServletLevelsTest {

    /** A container that only says its level. */
    private record Level(String level, boolean servlet61) implements ServletContainer {
        @Override
        public ContextHandler newContext(ContextHooks hooks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean owns(ContextHandler context) {
            return false;
        }

        @Override
        public void install(ContextHandler context, AppParts parts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public @Nullable Request coreRequest(ServletRequest request) {
            return null;
        }
    }

    static final ServletContainer EE10 = new Level("ee10", false);
    static final ServletContainer EE11 = new Level("ee11", true);

    @Test
    void servlet_6_0_runs_on_ee10_and_servlet_6_1_on_ee11_when_both_are_there() {
        assertThat(ServletLevels.choose(List.of(EE10, EE11), false, List.of(), "api.jar")).isSameAs(EE10);
        assertThat(ServletLevels.choose(List.of(EE10, EE11), true, List.of(), "api.jar")).isSameAs(EE11);
        assertThat(ServletLevels.choose(List.of(EE11), true, List.of("Spring Framework 7"), "api.jar")).isSameAs(EE11);
    }

    @Test
    void a_servlet_6_1_framework_on_the_ee10_engine_is_refused_naming_the_artifact_to_use() {
        assertThatThrownBy(() -> ServletLevels.choose(List.of(EE10), false, List.of("Spring Framework 7"), "api.jar"))
                .isInstanceOf(AppStartupException.class)
                .hasMessage("this app needs Servlet 6.1 (Jakarta EE 11): the class path has Spring Framework 7, with the"
                        + " Servlet 6.0 API (api.jar), but Testlet's engine here is EE 10 (Jetty ee10, Servlet 6.0), where a"
                        + " Servlet 6.1 framework fails quietly (Spring 7 answers PATCH with 501) or with NoSuchMethodError."
                        + " Use the EE 11 engine: replace dev.testlet:testlet-dsl with dev.testlet:testlet-dsl-ee11 (same"
                        + " version)");
    }

    @Test
    void spring_boot_4_on_the_ee10_engine_is_refused_naming_the_frameworks_and_where_the_servlet_api_comes_from() {
        String tomcat = "jakarta.servlet classes from file:/m2/tomcat-embed-core-11.0.22.jar";

        assertThatThrownBy(() -> ServletLevels.choose(List.of(EE10), true, List.of("Spring Framework 7", "Spring Boot 4"), tomcat))
                .isInstanceOf(AppStartupException.class)
                .hasMessageStartingWith("this app needs Servlet 6.1 (Jakarta EE 11): the class path has Spring Framework 7,"
                        + " Spring Boot 4 and the Servlet 6.1 API (" + tomcat + "), but Testlet's engine here is EE 10")
                .hasMessageEndingWith("replace dev.testlet:testlet-dsl with dev.testlet:testlet-dsl-ee11 (same version)");
    }

    @Test
    void the_servlet_6_1_api_on_the_ee10_engine_is_refused() {
        assertThatThrownBy(() -> ServletLevels.choose(List.of(EE10), true, List.of(),
                "jakarta.servlet classes from file:/m2/servlet-api-6.1.0.jar"))
                .isInstanceOf(AppStartupException.class)
                .hasMessageContaining("the class path has the Servlet 6.1 API (jakarta.servlet classes from"
                        + " file:/m2/servlet-api-6.1.0.jar), but")
                .hasMessageContaining("dev.testlet:testlet-dsl-ee11");
    }

    @Test
    void the_ee11_engine_over_a_servlet_6_0_api_is_refused_with_the_line_to_add() {
        assertThatThrownBy(() -> ServletLevels.choose(List.of(EE11), false, List.of(), "from file:/m2/servlet-api-6.0.0.jar"))
                .isInstanceOf(AppStartupException.class)
                .hasMessageContaining("the Servlet API is 6.0 (from file:/m2/servlet-api-6.0.0.jar)")
                .hasMessageContaining("<artifactId>jakarta.servlet-api</artifactId><version>6.1.0</version>");
    }

    @Test
    void no_engine_module_at_all_says_which_to_add() {
        assertThatThrownBy(() -> ServletLevels.choose(List.of(), false, List.of(), "api.jar"))
                .isInstanceOf(AppStartupException.class)
                .hasMessageContaining("add dev.testlet:testlet-dsl (Servlet 6.0: Spring 6, Spring Boot 3, Jersey 3)"
                        + " or dev.testlet:testlet-dsl-ee11 (Servlet 6.1: Spring 7, Spring Boot 4, Jersey 4)");
    }

    @Test
    void the_class_path_of_this_module_is_servlet_6_0_without_a_6_1_framework() {
        assertThat(ServletLevels.hasServlet61Api()).isFalse();
        assertThat(ServletLevels.servlet61Frameworks()).isEmpty();
    }
}
