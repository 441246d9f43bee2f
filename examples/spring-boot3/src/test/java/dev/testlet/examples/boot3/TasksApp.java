package dev.testlet.examples.boot3;

import dev.testlet.engine.ServletApp;
import org.springframework.web.SpringServletContainerInitializer;

/**
 * The tasks app as the tests mount it: deployed the way a servlet container deploys a Boot WAR,
 * through Spring's {@code SpringServletContainerInitializer} handed the app's
 * {@code SpringBootServletInitializer}, on Testlet's in-process Jetty.
 *
 * <pre>{@code
 * @RegisterExtension
 * static TestletExtension testlet = TestletExtension.forApp(TasksApp.app());
 * }</pre>
 */
final class TasksApp {

    /** The tokens {@code application.properties} gives alice (a USER) and admin (USER and ADMIN). */
    static final String ALICE = "alice-token";
    static final String ADMIN = "admin-token";

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
