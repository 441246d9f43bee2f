package dev.testlet.examples.boot

import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/** The Spring Boot tasks app from Kotlin (3.5 or 4, as the module builds it): one app for the class, a client per test. */
@InBothModes
class TasksKotlinTest {

    companion object {
        @JvmField
        @RegisterExtension
        val testlet: TestletExtension = TestletExtension.forApp(TasksApp.app()).withStartupTimeout(TasksApp.STARTUP)
    }

    @Test
    fun a_created_task_is_stored_in_the_database_and_pushed_to_the_feed(client: TestClient) {
        client.given().websocket("/ws/tasks").use { feed ->
            feed.expectJsonMatching("/type") { it.asString() == "hello" }

            val created = client.given().bearerAuth(TasksApp.ALICE)
                .jsonBody(mapOf("title" to "Plan the retro"))
                .post("/api/tasks")
                .expectStatus(201)
                .expectJson("/owner", "alice")

            val task = client.given().get(created.header("Location")!!).expectStatus(200).bodyAs(Task::class.java)
            assertThat(task.title()).isEqualTo("Plan the retro")
            feed.expectJson("/task/id", task.id())
        }
    }

    @Test
    fun writing_needs_a_valid_token_and_a_valid_task(client: TestClient) {
        client.given().jsonBody(mapOf("title" to "Plan the retro")).post("/api/tasks")
            .expectStatus(401)
            .expectHeader("WWW-Authenticate", "Bearer")
        client.given().bearerAuth(TasksApp.ALICE).jsonBody(mapOf("title" to "x".repeat(101))).post("/api/tasks")
            .expectStatus(400)
            .expectJson("/errors/0/field", "title")
            .expectJson("/errors/0/message", "size must be between 0 and 100")
    }

    @Test
    fun progress_arrives_as_server_sent_events(client: TestClient) {
        client.given().queryParam("stepMs", 1).sse("/api/tasks/{id}/progress", 1).use { events ->
            val percents = events.take(3).map { it.json("/percent").asInt() }
            assertThat(percents).containsExactly(0, 50, 100)
            events.expectEventMatching("the done event") { it.event() == "done" }.expectEnd()
        }
    }
}
