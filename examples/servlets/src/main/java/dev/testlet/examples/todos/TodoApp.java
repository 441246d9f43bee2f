package dev.testlet.examples.todos;

import dev.testlet.engine.ServletApp;

/**
 * The to-do app over a given database.
 *
 * <pre>{@code Testlet.start(TodoApp.app(Database.inMemory("todos-" + UUID.randomUUID())))}</pre>
 */
public final class TodoApp {

    /** The context attribute holding the {@link Database}. */
    public static final String DATABASE = "database";

    /** The context attribute holding the {@link TodoRepository}. */
    public static final String REPOSITORY = "todos";

    private TodoApp() {}

    /**
     * The app.
     *
     * @param database where the to-dos live
     * @return the app
     */
    public static ServletApp app(Database database) {
        return ServletApp.builder()
                .attribute(DATABASE, database)
                .listener(TodoLifecycle.class)
                .servlet("/todos", TodoServlet.class)
                .build();
    }
}
