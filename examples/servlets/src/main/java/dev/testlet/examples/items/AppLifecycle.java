package dev.testlet.examples.items;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Starts and stops the app's resources. At startup it opens the {@link ItemRepository} in the
 * context attribute {@value #REPOSITORY} (a new, empty one when nobody provided one, say a test
 * through {@code ServletApp.builder().attribute("items", repository)}); at shutdown it closes it.
 *
 * <pre>{@code
 * ItemRepository repository = new ItemRepository();
 * try (TestClient client = Testlet.start(ItemsApp.app(repository))) {
 *     repository.isOpen();     // true
 * }
 * repository.isClosed();       // true
 * }</pre>
 */
public final class AppLifecycle implements ServletContextListener {

    /** The context attribute that holds the {@link ItemRepository}. */
    public static final String REPOSITORY = "items";

    /** Creates the listener. */
    public AppLifecycle() {}

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        ItemRepository repository = context.getAttribute(REPOSITORY) instanceof ItemRepository given
                ? given
                : new ItemRepository();
        repository.open();
        context.setAttribute(REPOSITORY, repository);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (event.getServletContext().getAttribute(REPOSITORY) instanceof ItemRepository repository) {
            repository.close();
        }
    }
}
