package dev.testlet.examples.ws

import dev.testlet.TestClient
import dev.testlet.WebSocketHandshakeException
import dev.testlet.junit.InBothModes
import dev.testlet.junit.TestletExtension
import java.time.Duration
import java.util.concurrent.Executors
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.extension.RegisterExtension

/** The realtime app from Kotlin: sessions with use { }, trailing lambdas, no backticks. */
@InBothModes
class RealtimeKotlinTest {

    companion object {
        @JvmField
        @RegisterExtension
        val testlet: TestletExtension = TestletExtension.forApp(RealtimeApp::app)
    }

    @Test
    fun echo(client: TestClient) {
        client.given().websocket("/ws/echo").use { ws ->
            ws.sendText("hi")
            ws.expectText("Echo: hi")
        }
    }

    @Test
    fun a_predicate_that_returns_false_fails_the_expectation(client: TestClient) {
        client.given().websocket("/ws/echo").use { ws ->
            ws.sendText("hi").expectTextMatching { it.startsWith("Echo") }
            ws.sendText("hi")
            assertThrows<AssertionError> { ws.expectTextMatching { it == "something else" } }
        }
    }

    @Test
    fun json_ping_pong(client: TestClient) {
        data class Pong(val type: String = "", val id: Long = 0)
        client.given().websocket("/ws/ping").use { ws ->
            ws.sendJson(mapOf("type" to "ping", "id" to 7)).expectJson("", mapOf("type" to "pong", "id" to 7))
            ws.sendJson(mapOf("type" to "ping", "id" to 8)).expectJsonMatching("/id") { it.asInt() == 8 }
            val pong = ws.sendJson(mapOf("type" to "ping", "id" to 9)).receiveJson()
            assertThat(pong.get("id").asLong()).isEqualTo(9)
        }
    }

    @Test
    fun notifications_need_a_valid_token(client: TestClient) {
        client.given().queryParam("token", "stolen").websocket("/ws/notifications").use { ws ->
            ws.expectClose(1008, "invalid token")
        }
        client.given().queryParam("token", RealtimeApp.ALICE_TOKEN).websocket("/ws/notifications").use { alice ->
            alice.expectJson("/user", "alice")
            client.given().jsonBody(mapOf("text" to "hello from Kotlin")).post("/notify/alice").expectStatus(202)
            alice.expectJson("/text", "hello from Kotlin")
        }
    }

    @Test
    fun a_chat_room_broadcasts_to_every_member_on_virtual_threads(client: TestClient) {
        val members = (0 until 20).map { i ->
            client.given().queryParam("user", "m$i").websocket("/ws/chat/{room}", "kotlin").also { it.expectJson("/type", "welcome") }
        }
        try {
            val heard = Executors.newVirtualThreadPerTaskExecutor().use { threads ->
                members.mapIndexed { i, ws ->
                    threads.submit<Set<String>> {
                        ws.sendText("message $i")
                        (0 until members.size).map { ws.receiveJson().get("text").asString() }.toSet()
                    }
                }.map { it.get() }
            }
            val everything = (0 until members.size).map { "message $it" }.toSet()
            heard.forEach { assertThat(it).isEqualTo(everything) }
        } finally {
            members.forEach { it.close() }
        }
    }

    @Test
    fun a_timeout_says_what_was_awaited_and_shows_the_transcript(client: TestClient) {
        client.given().websocket("/ws/echo").use { ws ->
            ws.sendText("once").expectText("Echo: once")
            val failure = assertThrows<AssertionError> {
                ws.withTimeout(Duration.ofMillis(100)).expectText("twice")
            }
            assertThat(failure.message)
                .contains("timed out after : 100ms")
                .contains("waiting for     : text message \"twice\"")
                .contains("<-  text    10 B  \"Echo: once\"")
        }
    }

    @Test
    fun a_refused_handshake_has_the_response(client: TestClient) {
        val refused = assertThrows<WebSocketHandshakeException> { client.given().websocket("/ws/nowhere") }
        refused.response().expectStatus(404)
    }

    @Test
    fun a_chat_conversation_matches_its_snapshot(client: TestClient) {
        client.given().queryParam("user", "ann").websocket("/ws/chat/{room}", "snapshots").use { ws ->
            ws.expectJson("/type", "welcome")
            ws.sendText("hello").expectJson("/text", "hello")
            ws.sendText("bye").expectJson("/text", "bye")

            ws.expectSnapshot()
        }
    }
}
