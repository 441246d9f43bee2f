package dev.testlet.examples.spring;

import dev.testlet.engine.ServletApp;
import org.springframework.web.SpringServletContainerInitializer;

/**
 * The Spring MVC app as a test mounts it: Spring's own container initializer, handed the
 * {@link WebInitializer} that a servlet container would have found by scanning.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(SpringApp.app())) {
 *     client.given().get("/notes/{id}", 1).expectStatus(200).expectJson("/text", "Buy milk");
 * }
 * }</pre>
 */
public final class SpringApp {

    private SpringApp() {}

    /**
     * The app; each start builds a new Spring context (and a new, empty note book).
     *
     * @return the app
     */
    public static ServletApp app() {
        return ServletApp.builder()
                .initializer(new SpringServletContainerInitializer(), WebInitializer.class)
                .build();
    }
}
