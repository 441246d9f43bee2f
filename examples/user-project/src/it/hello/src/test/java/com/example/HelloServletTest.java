package com.example;

import static dev.testlet.Testlet.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.WebSocketSession;
import dev.testlet.engine.ServletApp;
import dev.testlet.junit.TestletExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;

class HelloServletTest {

    static ServletApp app() {
        return ServletApp.builder()
                .servlet("/hello", HelloServlet.class)
                .websocket(EchoEndpoint.class)
                .build();
    }

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(app());

    @Test
    void greets_by_name(TestClient client) {
        client.given().queryParam("name", "Ada").get("/hello")
                .expectStatus(200)
                .expectContentType("application/json")
                .expectJson("/greeting", "Hello, Ada");
    }

    @Test
    void reads_the_body_as_a_type() {
        Map<String, String> body = given().queryParam("name", "Grace").get("/hello")
                .expectStatus(200)
                .bodyAs(new TypeReference<Map<String, String>>() {});

        assertEquals(Map.of("greeting", "Hello, Grace"), body);
    }

    @Test
    void refuses_a_bad_name(TestClient client) {
        client.given().queryParam("name", "<script>").get("/hello").expectStatus(400);
    }

    @Test
    void echoes_over_a_websocket(TestClient client) {
        try (WebSocketSession ws = client.given().websocket("/echo")) {
            ws.sendText("hi").expectText("Echo: hi");
        }
    }

    @Test
    void starts_without_the_extension_too() {
        try (TestClient client = Testlet.start(app())) {
            client.given().queryParam("name", "Alan").get("/hello").expectJson("/greeting", "Hello, Alan");
        }
    }
}
