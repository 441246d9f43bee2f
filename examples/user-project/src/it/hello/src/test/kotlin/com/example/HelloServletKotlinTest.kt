package com.example

import dev.testlet.TestClient
import dev.testlet.awaitEventually
import dev.testlet.bodyAs
import dev.testlet.engine.ServletApp
import dev.testlet.junit.TestletExtension
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension

class HelloServletKotlinTest {

    companion object {
        @RegisterExtension
        val testlet = TestletExtension.forApp(
            ServletApp.builder().servlet("/hello", HelloServlet::class.java).websocket(EchoEndpoint::class.java).build()
        )
    }

    data class Greeting(val greeting: String)

    @Test
    fun greets_by_name(client: TestClient) {
        val greeting = client.given().queryParam("name", "Ada").get("/hello")
            .expectStatus(200)
            .bodyAs<Greeting>()

        assertEquals(Greeting("Hello, Ada"), greeting)
    }

    @Test
    fun awaits_async_requests(client: TestClient) = runBlocking<Unit> {
        val greetings = listOf("Grace", "Alan").map { name ->
            client.async().given().queryParam("name", name).get("/hello").await().bodyAs<Greeting>()
        }

        assertEquals(listOf(Greeting("Hello, Grace"), Greeting("Hello, Alan")), greetings)
    }

    @Test
    fun waits_without_blocking_the_coroutine(client: TestClient) = runBlocking<Unit> {
        client.awaitEventually { client.given().queryParam("name", "Ada").get("/hello").expectStatus(200) }
    }

    @Test
    fun echoes_over_a_websocket(client: TestClient) {
        client.given().websocket("/echo").use { ws -> ws.sendText("hi").expectText("Echo: hi") }
    }
}
