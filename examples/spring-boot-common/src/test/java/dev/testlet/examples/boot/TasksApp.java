package dev.testlet.examples.boot;

import dev.testlet.engine.ServletApp;
import java.time.Duration;
import org.springframework.web.SpringServletContainerInitializer;

/**
 * The tasks app as the tests mount it: deployed the way a servlet container deploys a Boot WAR,
 * through Spring's {@code SpringServletContainerInitializer} handed the app's
 * {@code SpringBootServletInitializer}, on Testlet's in-process Jetty.
 *
 * <pre>{@code
 * @RegisterExtension
 * static TestletExtension testlet = TestletExtension.forApp(TasksApp.app()).withStartupTimeout(TasksApp.STARTUP);
 * }</pre>
 */
final class TasksApp {

    /** The tokens {@code application.properties} gives alice (a USER) and admin (USER and ADMIN). */
    static final String ALICE = "alice-token";
    static final String ADMIN = "admin-token";

    /**
     * How long a start may take. Boot's first start in a JVM took 4 to 6 s on an idle two-core machine
     * and up to 13 s on a busy one (later starts: about 1 s); Testlet's default allows 10 s.
     */
    static final Duration STARTUP = Duration.ofSeconds(60);

    private TasksApp() {}

    /**
     * The app. Spring WebSocket finds the Jakarta WebSocket container in the servlet context, so the
     * app asks Testlet to start one ({@code webSocketContainer()}); Boot registers its handlers itself.
     *
     * @return the app; each start is a new Spring context with a new, freshly filled database
     */
    static ServletApp app() {
        return ServletApp.builder()
                .initializer(new SpringServletContainerInitializer(), TasksApplication.class)
                .webSocketContainer()
                .build();
    }
}
