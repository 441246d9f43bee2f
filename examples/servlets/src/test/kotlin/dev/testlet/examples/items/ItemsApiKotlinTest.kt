package dev.testlet.examples.items

import dev.testlet.JsonComparison
import dev.testlet.ServerException
import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import java.math.BigDecimal
import java.util.concurrent.atomic.AtomicReference
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension
import tools.jackson.core.type.TypeReference

/** The items API from Kotlin: the same DSL, with trailing lambdas and no backticks, in-process and served. */
@InBothModes
class ItemsApiKotlinTest {

    companion object {
        private val PEN = NewItem("pen", BigDecimal("1.50"))
        private val PENCIL = NewItem("pencil", BigDecimal("0.80"))

        @JvmField
        @RegisterExtension
        val testlet: TestletExtension = TestletExtension.forApp { ItemsApp.app(ItemRepository.of(PEN, PENCIL)) }
            .perTest()
            .withClient {
                it.withHeader("Authorization", "Bearer ${ItemsApp.TOKEN}")
                    .withRedactedJson("/**/id", "/**/createdAt")   // in snapshots, at any depth
                    .withRedactedText("/items/\\d+", "/items/[id]")
            }
    }

    @Test
    fun list_returns_every_item(client: TestClient) {
        client.given().get("/items")
            .expectStatus(200)
            .expectContentType("application/json")
            .expectJsonMatching("/items") { it.size() == 2 }
            .expectJson("/items/0/name", "pen")
            .expectJson("/items/1", mapOf("id" to 2, "name" to "pencil", "price" to 0.8), JsonComparison.lenient())
    }

    @Test
    fun create_returns_201_with_location(client: TestClient) {
        val created = client.given().jsonBody(NewItem("eraser", BigDecimal("0.75"))).post("/items")

        client.softly {
            created.expectStatus(201)
            created.expectHeader("Location", "/items/3")
            created.expectJson("/name", "eraser")
        }

        // header() is @Nullable in the DSL, so Kotlin sees String? and asks us to say it is there.
        client.given().get(created.header("Location")!!).expectStatus(200).expectJson("/price", 0.75)
    }

    @Test
    fun create_rejects_invalid_fields_with_422(client: TestClient) {
        client.given()
            .jsonBody(mapOf("name" to "", "price" to -3))
            .post("/items")
            .expectStatus(422)
            .expectJson("/errors/0", mapOf("field" to "name", "message" to "must not be blank"))
            .expectJson("/errors/1/message", "must not be negative")
            .expectJsonMatching("/errors", "two errors") { it.size() == 2 }
    }

    @Test
    fun create_rejects_malformed_json_with_400(client: TestClient) {
        client.given()
            .body("""{"name": pen}""", "application/json")
            .post("/items")
            .expectStatus(400)
            .expectJson("/errors/0/field", "body")
    }

    @Test
    fun requests_without_a_valid_token_get_401(client: TestClient) {
        val anonymous = client.withHeader("Authorization", "Basic Zm9vOmJhcg==")

        anonymous.given().get("/items").expectStatus(401).expectHeader("WWW-Authenticate", "Bearer")
        client.given().bearerAuth("wrong").get("/items")
            .expectStatus(401)
            .expectHeaderMatching("WWW-Authenticate") { it.startsWith("Bearer") }
            .expectJson("/error", "the bearer token is not valid")
        client.given().get("/items").expectStatus(200)
    }

    @Test
    fun bodies_read_as_typed_values(client: TestClient) {
        val response = client.given().get("/items").expectStatus(200)

        val list: ItemList = response.bodyAs(ItemList::class.java)
        val byKey: Map<String, List<Item>> = response.bodyAs(object : TypeReference<Map<String, List<Item>>>() {})
        val item = client.given().get("/items/{id}", 1).bodyAs(Item::class.java)

        assertThat(list.items.map { it.name }).containsExactly("pen", "pencil")
        assertThat(byKey["items"]).isEqualTo(list.items)
        assertThat(item).isEqualTo(list.items[0])
    }

    @Test
    fun a_request_from_a_virtual_thread_is_served(client: TestClient) {
        // Thread.ofVirtual() is Java 21 API: this compiles only because Kotlin compiles against a JDK >= 21.
        val status = AtomicReference<Int>()
        val thread = Thread.ofVirtual().name("kotlin-virtual-client").start {
            status.set(client.given().get("/items/{id}", 2).expectJson("/name", "pencil").status())
        }
        thread.join()

        assertThat(thread.isVirtual).isTrue()
        assertThat(status.get()).isEqualTo(200)
    }

    @Test
    fun an_exception_in_the_app_is_rethrown_with_its_cause(client: TestClient) {
        client.override(AppLifecycle.REPOSITORY, ItemRepository().apply { close() })   // until the test ends

        val e = assertThrows<ServerException> { client.given().get("/items") }

        assertThat(e.cause).isInstanceOf(IllegalStateException::class.java)
        e.response().expectStatus(500)
    }

    @Test
    fun a_created_item_and_the_list_match_their_snapshots(client: TestClient) {
        client.given().jsonBody(NewItem("eraser", BigDecimal("0.75"))).post("/items")
            .expectStatus(201)
            .expectSnapshot("created")

        client.given().get("/items").expectSnapshot("listed")
    }
}
