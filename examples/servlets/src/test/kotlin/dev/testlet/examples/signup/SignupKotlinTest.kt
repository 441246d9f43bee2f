package dev.testlet.examples.signup

import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/** Signing up from Kotlin: coroutines over the async API, in-process and served. */
@InBothModes
class SignupKotlinTest {

    companion object {
        @JvmField
        @RegisterExtension
        val testlet: TestletExtension = TestletExtension.forApp(SignupApp.app())
    }

    private val mailer = FakeMailer()

    @BeforeEach
    fun useTheFakeMailer(client: TestClient) {
        client.override(Mailer.ATTRIBUTE, mailer)
    }

    @Test
    fun coroutines_await_async_requests_that_run_on_virtual_threads(client: TestClient) = runBlocking<Unit> {
        val responses = (1..20).map { i ->
            async { client.async().given().formParam("email", "k$i@example.org").post("/signup").await() }
        }.awaitAll()

        responses.forEach { it.expectStatus(201) }
        client.awaitBackgroundTasks()
        assertThat(mailer.sent()).hasSize(20)
    }

    @Test
    fun a_kotlin_condition_lambda_is_waited_for_not_ignored(client: TestClient) {
        client.given().formParam("email", "zoe@example.org").post("/signup").expectStatus(201)

        client.eventually { mailer.sent().isNotEmpty() }

        assertThat(mailer.sent()).containsExactly("Welcome! -> zoe@example.org")
    }

    @Test
    fun concurrent_signups_race_through_one_barrier(client: TestClient) {
        val statuses = client.concurrently(30) { it.given().formParam("email", "same@example.org").post("/signup").status() }

        assertThat(statuses.count { it == 201 }).isEqualTo(1)
        assertThat(statuses.count { it == 409 }).isEqualTo(29)
    }
}
