package dev.testlet.examples.signup;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the app at startup: the accounts, the production mailer, and a mail queue unless the app was
 * given one (Testlet lends a tracked one through {@code backgroundExecutor}).
 */
public class SignupLifecycle implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        context.setAttribute(SignupApp.ACCOUNTS, new Accounts());
        context.setAttribute(Mailer.ATTRIBUTE, new SmtpMailer("smtp.example.org"));
        if (context.getAttribute(SignupApp.MAIL_QUEUE) == null) {
            context.setAttribute(SignupApp.MAIL_QUEUE, Executors.newVirtualThreadPerTaskExecutor());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ExecutorService queue = (ExecutorService) event.getServletContext().getAttribute(SignupApp.MAIL_QUEUE);
        queue.shutdown();
    }
}
