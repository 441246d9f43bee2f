package dev.testlet.examples.spring

import dev.testlet.TestClient
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

/** Spring MVC from Kotlin, in-process and served. */
@InBothModes
class SpringMvcKotlinTest {

    companion object {
        @JvmField
        @RegisterExtension
        val testlet: TestletExtension = TestletExtension.forApp(SpringApp.app())
    }

    @Test
    fun spring_mvc_runs_on_a_real_container_inside_the_test(client: TestClient) {
        val created = client.given().jsonBody(NewNote("Water the plants")).post("/notes")
            .expectStatus(201)
            .expectJsonMatching("/id") { it.asInt() > 0 }

        val note = client.given().get(created.header("Location")!!).expectStatus(200).bodyAs(Note::class.java)

        assertThat(note.text()).isEqualTo("Water the plants")
    }

    @Test
    fun springs_own_error_handling_answers_a_missing_note(client: TestClient) {
        client.given().get("/notes/{id}", 99)
            .expectStatus(404)
            .expectJson("/error", "note 99 not found")
    }
}
