package dev.testlet.examples.signup;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /signup} with a form field {@code email}: 201 at once, then the welcome mail is sent in
 * the background; 409 for an address already registered, 422 for a missing one.
 */
public class SignupServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = request.getParameter("email");
        if (email == null || !email.contains("@")) {
            reply(response, 422, "{\"error\":\"email must be an address\"}");
            return;
        }
        ServletContext context = getServletContext();
        Accounts accounts = (Accounts) context.getAttribute(SignupApp.ACCOUNTS);
        if (!accounts.register(email)) {
            reply(response, 409, "{\"error\":\"already registered\"}");
            return;
        }
        Mailer mailer = (Mailer) context.getAttribute(Mailer.ATTRIBUTE);
        ExecutorService mailQueue = (ExecutorService) context.getAttribute(SignupApp.MAIL_QUEUE);
        mailQueue.execute(() -> mailer.send(email, "Welcome!"));
        reply(response, 201, "{\"email\":\"" + email + "\"}");
    }

    private static void reply(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(json);
    }
}
