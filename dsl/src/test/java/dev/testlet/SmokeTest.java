package dev.testlet;

import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SmokeTest {
    public static class Items extends HttpServlet {
        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json");
            resp.getWriter().write("{\"items\":[{\"id\":1,\"name\":\"pen\"}]}");
        }
    }
    public static class Boom extends HttpServlet {
        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void smoke() {
        ServletApp app = ServletApp.builder().servlet("/items", Items.class).servlet("/boom", Boom.class).build();
        try (TestClient client = Testlet.start(app)) {
            client.given().header("Authorization", "Bearer abc").get("/items").expectStatus(200).expectJson("/items/0/id", 1);
            try {
                client.given().header("Authorization", "Bearer abc").get("/items").expectJson("/items/0/name", "pencil");
            } catch (AssertionError e) {
                System.out.println(e.getMessage());
            }
            try {
                client.given().get("/items").expectJson("/items/3/name", "pencil");
            } catch (AssertionError e) {
                System.out.println(e.getMessage());
            }
            try {
                client.given().get("/boom");
            } catch (ServerException e) {
                System.out.println(e.getMessage());
            }
            client.withServerExceptionsAsResponses().given().get("/boom").expectStatus(500);
        }
    }
}
