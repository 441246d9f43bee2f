/**
 * An example Spring MVC app (Spring Framework 6.2, annotation config, no Spring Boot) mounted on a real
 * Jetty through Testlet: Spring's {@code SpringServletContainerInitializer} runs {@link WebInitializer},
 * which registers a {@code DispatcherServlet}, as a servlet container does at deployment.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(SpringApp.app())) {
 *     client.given().get("/ping").expectStatus(200).expectJson("/ok", true);
 * }
 * }</pre>
 *
 * <p>Spring 6.2 writes JSON with Jackson 2; this app uses the project's Jackson 3 through
 * {@link JacksonJsonConverter} instead of adding a second Jackson.
 */
package dev.testlet.examples.spring;
