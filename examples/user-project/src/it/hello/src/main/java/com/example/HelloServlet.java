package com.example;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /hello?name=Ada} answers {@code {"greeting":"Hello, Ada"}}. */
public class HelloServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        if (name == null || !name.matches("[A-Za-z ]{1,40}")) {
            response.sendError(400, "name: 1 to 40 letters");
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"greeting\":\"Hello, " + name + "\"}");
    }
}
