/**
 * An example app, the items API, written as plain servlets, and tested in {@code src/test} (Java and
 * Kotlin) with Testlet's public DSL only.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(ItemsApp.app())) {
 *     client.given().bearerAuth(ItemsApp.TOKEN)
 *           .jsonBody(new NewItem("pen", new BigDecimal("1.50")))
 *           .post("/items")
 *           .expectStatus(201)
 *           .expectHeader("Location", "/items/1");
 * }
 * }</pre>
 */
package dev.testlet.examples.items;
