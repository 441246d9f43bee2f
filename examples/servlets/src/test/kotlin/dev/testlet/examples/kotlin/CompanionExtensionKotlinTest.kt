package dev.testlet.examples.kotlin

import dev.testlet.TestClient
import dev.testlet.examples.items.ItemRepository
import dev.testlet.examples.items.ItemsApp
import dev.testlet.examples.items.NewItem
import dev.testlet.junit.TestletExtension
import java.math.BigDecimal
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.junit.jupiter.api.extension.RegisterExtension

/**
 * A per-class app registered from a companion object without `@JvmField`: Kotlin makes the field
 * private, and JUnit (since 5.8, so in 6 too) registers private `@RegisterExtension` fields. The second
 * test sees what the first created, so the app was started once for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation::class)
class CompanionExtensionKotlinTest {

    companion object {
        @RegisterExtension
        val testlet = TestletExtension.forApp(ItemsApp.app(ItemRepository.of(NewItem("pen", BigDecimal("1.50")))))
            .withClient { it.withHeader("Authorization", "Bearer ${ItemsApp.TOKEN}") }
    }

    @Test
    @Order(1)
    fun the_extension_injects_a_client(client: TestClient) {
        client.given().jsonBody(NewItem("ink", BigDecimal("3.00"))).post("/items").expectStatus(201)
    }

    @Test
    @Order(2)
    fun the_app_is_shared_by_the_class(client: TestClient) {
        client.given().get("/items/{id}", 2).expectStatus(200).expectJson("/name", "ink")
    }
}
