package dev.testlet.examples.ws;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /notify/{user}} with {@code {"text":"..."}}: pushes
 * {@code {"type":"notification","text":"..."}} to the user's open sessions and answers 202 with how
 * many it reached.
 */
public final class NotifyServlet extends HttpServlet {

    private final JsonMapper json = JsonMapper.builder().build();
    private final NotificationHub hub;

    NotifyServlet(NotificationHub hub) {
        this.hub = hub;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        JsonNode body = json.readTree(request.getInputStream());
        int reached = hub.publish(user, json.writeValueAsString(Map.of("type", "notification",
                "text", body.path("text").asString(""))));
        response.setStatus(202);
        response.setContentType("application/json");
        response.getWriter().write(json.writeValueAsString(Map.of("reached", reached)));
    }
}
