package dev.testlet.examples.todos;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.sql.SQLException;

/** Creates the schema at startup and publishes the repository. */
public class TodoLifecycle implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Database database = (Database) event.getServletContext().getAttribute(TodoApp.DATABASE);
        TodoRepository repository = new TodoRepository(database);
        try {
            repository.createSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the schema", e);
        }
        event.getServletContext().setAttribute(TodoApp.REPOSITORY, repository);
    }
}
