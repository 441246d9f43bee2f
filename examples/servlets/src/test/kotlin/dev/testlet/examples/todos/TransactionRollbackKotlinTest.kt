package dev.testlet.examples.todos

import dev.testlet.Testlet
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import java.util.UUID

class TransactionRollbackKotlinTest {

    @Test
    fun the_app_sees_the_tests_uncommitted_rows_and_the_rollback_removes_them() {
        val database = Database.inMemory("todos-" + UUID.randomUUID())
        Testlet.start(TodoApp.app(database)).use { client ->
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
    }
}
