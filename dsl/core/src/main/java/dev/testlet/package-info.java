/**
 * Testlet: test Jakarta Servlet apps in-process, on a real Jetty, with a fluent DSL.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(app)) {
 *     client.given().bearerAuth(token).get("/items").expectStatus(200).expectJson("/items/0/id", 1);
 * }
 * }</pre>
 */
@NullMarked
package dev.testlet;

import org.jspecify.annotations.NullMarked;
