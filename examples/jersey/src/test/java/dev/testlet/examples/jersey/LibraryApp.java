package dev.testlet.examples.jersey;

import dev.testlet.engine.ServletApp;
import org.glassfish.jersey.servlet.init.JerseyServletContainerInitializer;

/**
 * The library app as its tests mount it: the way a servlet container deploys a Jersey app without a
 * web.xml. Jersey's own {@code JerseyServletContainerInitializer} is handed the {@code @ApplicationPath}
 * class that a container would have found by scanning, and registers Jersey's servlet on
 * {@code /api/*} itself (async supported, load on startup), so the test runs the same boot path as
 * production. Mounting {@code new ServletContainer(new LibraryApplication())} with
 * {@code .servlet("/api/*", ...)} works too; that is how an app embedding Jetty by hand does it.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(LibraryApp.app())) {
 *     client.given().get("/api/books").expectStatus(200).expectJson("", List.of());
 * }
 * }</pre>
 */
final class LibraryApp {

    /** The bearer token the tests' app accepts. */
    static final String TOKEN = "test-token";

    private LibraryApp() {}

    /**
     * The app with its token, a 20 ms feed heartbeat (so a test sees a client's disconnect at once)
     * and Testlet's tracked executor for exports (so {@code awaitBackgroundTasks} waits for them).
     *
     * @return the app; each start has a new, empty shelf
     */
    static ServletApp app() {
        return builder().initParameter(LibraryApplication.TOKEN, TOKEN).build();
    }

    /**
     * The app without its token, to add to or to leave as it is.
     *
     * @return a builder
     */
    static ServletApp.Builder builder() {
        return ServletApp.builder()
                .initializer(new JerseyServletContainerInitializer(), LibraryApplication.class)
                .initParameter(LibraryApplication.HEARTBEAT_MILLIS, "20")
                .backgroundExecutor(LibraryApplication.EXECUTOR);
    }
}
