package dev.testlet.examples.todos

import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.Mode
import dev.testlet.junit.OnlyInMode
import dev.testlet.junit.TestletExtension
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/** The to-do app from Kotlin, each test on a database of its own. */
@InBothModes
class TransactionRollbackKotlinTest {

    private val database = Database.inMemory("todos-" + UUID.randomUUID())

    /** On an instance property the extension starts an app for each test, on that test's database. */
    @JvmField
    @RegisterExtension
    val testlet: TestletExtension = TestletExtension.forApp { TodoApp.app(database) }

    @Test
    @OnlyInMode(Mode.IN_PROCESS, because = "the app joins the test's transaction on the test's own thread")
    fun the_app_sees_the_tests_uncommitted_rows_and_the_rollback_removes_them(client: TestClient) {
        database.dataSource().connection.use { tx ->
            tx.autoCommit = false
            database.bind(tx).use {
                TodoRepository.insert(tx, "seeded in Kotlin")
                client.given().get("/todos").expectJson("/todos/0/title", "seeded in Kotlin")
            }
            tx.rollback()
        }
        client.given().get("/todos").expectJsonMatching("/todos") { it.isEmpty }
    }

    @Test
    fun a_posted_todo_is_committed_and_listed(client: TestClient) {
        client.given().jsonBody(mapOf("title" to "water the plants")).post("/todos").expectStatus(201)

        client.given().get("/todos").expectJson("/todos/0/title", "water the plants")
    }
}
