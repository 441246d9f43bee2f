package dev.testlet.examples.todos;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /todos} lists them; {@code POST /todos} with {@code {"title": "..."}} adds one (201). */
public class TodoServlet extends HttpServlet {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        try {
            send(response, 200, Map.of("todos", repository().all()));
        } catch (SQLException e) {
            throw new ServletException("could not list the to-dos", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        JsonNode body = json.readTree(request.getInputStream());
        String title = body.path("title").asString("");
        if (title.isBlank()) {
            send(response, 422, Map.of("error", "title must not be blank"));
            return;
        }
        try {
            send(response, 201, repository().add(title));
        } catch (SQLException e) {
            throw new ServletException("could not add the to-do", e);
        }
    }

    private TodoRepository repository() {
        return (TodoRepository) getServletContext().getAttribute(TodoApp.REPOSITORY);
    }

    private void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
