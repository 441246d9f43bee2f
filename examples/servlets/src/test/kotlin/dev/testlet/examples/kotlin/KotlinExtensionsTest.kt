package dev.testlet.examples.kotlin

import dev.testlet.TestClient
import dev.testlet.Testlet
import dev.testlet.awaitEventually
import dev.testlet.bodyAs
import dev.testlet.dataAs
import dev.testlet.examples.items.Item
import dev.testlet.examples.items.ItemList
import dev.testlet.examples.items.ItemRepository
import dev.testlet.examples.items.ItemsApp
import dev.testlet.examples.items.NewItem
import dev.testlet.examples.sse.EventsApp
import dev.testlet.examples.ws.RealtimeApp
import dev.testlet.json
import dev.testlet.receiveJson
import java.math.BigDecimal
import java.time.Duration
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import tools.jackson.databind.json.JsonMapper

/** The Kotlin extensions Testlet ships in testlet-dsl: reified reads, and suspend waits. */
class KotlinExtensionsTest {

    /** Kotlin data classes: Testlet's default mapper reads them because jackson-module-kotlin is on the class path. */
    data class ItemView(val id: Long, val name: String)
    data class Progress(val job: Int, val percent: Int)
    data class Pong(val type: String, val id: Long)

    private lateinit var client: TestClient

    @BeforeEach
    fun start() {
        val repository = ItemRepository.of(NewItem("pen", BigDecimal("1.50")), NewItem("pencil", BigDecimal("0.80")))
        client = Testlet.start(ItemsApp.app(repository)).withHeader("Authorization", "Bearer ${ItemsApp.TOKEN}")
    }

    @AfterEach
    fun stop() {
        client.close()
    }

    @Test
    fun reified_reads_keep_generic_types() {
        val response = client.given().get("/items").expectStatus(200)

        val list = response.bodyAs<ItemList>()
        val items = response.bodyAs<List<Item>>("/items")
        val first = response.json<String>("/items/0/name")
        val prices = response.json<Map<String, Any>>("/items/1").getValue("price")

        assertThat(list.items.map { it.id }).containsExactly(1L, 2L)
        assertThat(items.map { it.name }).containsExactly("pen", "pencil")
        assertThat(first).isEqualTo("pen")
        assertThat(prices).isEqualTo(0.8)
    }

    @Test
    fun kotlin_data_classes_read_without_a_mapper_of_ones_own() {
        val views = client.given().get("/items").expectStatus(200).bodyAs<List<ItemView>>("/items")

        assertThat(views).containsExactly(ItemView(1, "pen"), ItemView(2, "pencil"))
    }

    @Test
    fun a_mapper_without_the_kotlin_module_gets_a_hint_naming_it() {
        val plain = client.withJsonMapper(JsonMapper.builder().build())

        val e = assertThrows<AssertionError> { plain.given().get("/items/{id}", 1).bodyAs<ItemView>() }

        assertThat(e.message)
            .contains("expected               : a body Jackson can read as ")
            .contains("to read Kotlin classes : ItemView is a Kotlin class; add tools.jackson.module:jackson-module-kotlin:3.")
    }

    @Test
    fun event_data_and_websocket_messages_read_as_data_classes() {
        Testlet.start(EventsApp.builder().build()).use { events ->
            val progress = events.given().sse("/jobs/{id}/events", 4).use { stream -> stream.take(2).map { it.dataAs<Progress>() } }
            assertThat(progress).containsExactly(Progress(4, 0), Progress(4, 25))
        }
        Testlet.start(RealtimeApp.app()).use { realtime ->
            realtime.given().websocket("/ws/ping").use { ws ->
                val pong = ws.sendJson(mapOf("type" to "ping", "id" to 7)).receiveJson<Pong>()
                assertThat(pong).isEqualTo(Pong("pong", 7))
            }
        }
    }

    @Test
    fun async_requests_are_awaited_in_coroutines() = runBlocking<Unit> {
        val items = client.async().given().get("/items").await().expectStatus(200).bodyAs<List<ItemView>>("/items")

        assertThat(items).hasSize(2)
    }

    @Test
    fun await_eventually_lets_the_coroutine_it_waits_for_run_on_the_same_thread() = runBlocking<Unit> {
        // runBlocking runs both coroutines on this one thread: the blocking eventually would hold it
        // until its timeout, so the launched coroutine could never add the item it waits for.
        launch { client.given().jsonBody(NewItem("eraser", BigDecimal("0.75"))).post("/items").expectStatus(201) }

        val eraser = client.awaitEventually(Duration.ofSeconds(5)) {
            client.given().get("/items/{id}", 3).expectStatus(200).bodyAs<ItemView>()
        }

        assertThat(eraser).isEqualTo(ItemView(3, "eraser"))
    }

    @Test
    fun await_eventually_fails_with_the_last_attempt_when_time_runs_out() = runBlocking<Unit> {
        val e = assertThrows<AssertionError> {
            runBlocking { client.awaitEventually(Duration.ofMillis(200)) { client.given().get("/items/{id}", 9).expectStatus(200) } }
        }

        assertThat(e.message).contains("expected : the attempt to succeed within 200ms").contains("expected status : 200")
    }
}
