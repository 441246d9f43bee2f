/**
 * An example Jersey 3.1 app (Jakarta REST 3.1, Servlet 6.0), the library API, deployed as a servlet
 * container deploys it without a web.xml: Jersey's {@code JerseyServletContainerInitializer} finds the
 * {@code @ApplicationPath} class {@link dev.testlet.examples.jersey.LibraryApplication}. It shows JSON
 * resources (Jersey's Jackson 2 provider), an {@code ExceptionMapper}, a name-bound
 * {@code ContainerRequestFilter}, an {@code AsyncResponse} resumed from an executor, and SSE through
 * {@code SseEventSink}; its tests in {@code src/test} (Java and Kotlin) use Testlet's public DSL only.
 *
 * <pre>{@code
 * ServletApp app = ServletApp.builder()
 *     .initializer(new JerseyServletContainerInitializer(), LibraryApplication.class)
 *     .initParameter(LibraryApplication.TOKEN, "test-token")
 *     .backgroundExecutor(LibraryApplication.EXECUTOR)
 *     .build();
 * try (TestClient client = Testlet.start(app)) {
 *     client.given().bearerAuth("test-token")
 *           .jsonBody(new NewBook("978-0441013593", "Dune"))
 *           .post("/api/books")
 *           .expectStatus(201);
 * }
 * }</pre>
 *
 * <p>The same sources run on Jersey 4.0.2 unchanged ({@code -Djersey.version=4.0.2}).
 */
package dev.testlet.examples.jersey;
