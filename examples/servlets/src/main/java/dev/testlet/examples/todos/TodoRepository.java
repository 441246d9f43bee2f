package dev.testlet.examples.todos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * To-dos in the {@code todo} table, through {@link Database#inTransaction}.
 *
 * <pre>{@code new TodoRepository(database).add("water the plants")}</pre>
 */
public final class TodoRepository {

    private final Database database;

    /**
     * A repository over a database.
     *
     * @param database the database
     */
    public TodoRepository(Database database) {
        this.database = database;
    }

    /**
     * Creates the table if it does not exist.
     *
     * @throws SQLException on a database error
     */
    public void createSchema() throws SQLException {
        database.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists todo (id bigint auto_increment primary key, title varchar(200) not null)");
            }
            return null;
        });
    }

    /**
     * All to-dos, oldest first.
     *
     * @return the to-dos
     * @throws SQLException on a database error
     */
    public List<Todo> all() throws SQLException {
        return database.inTransaction(c -> {
            List<Todo> todos = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id, title from todo order by id")) {
                while (rs.next()) {
                    todos.add(new Todo(rs.getLong(1), rs.getString(2)));
                }
            }
            return todos;
        });
    }

    /**
     * Adds a to-do.
     *
     * @param title what to do
     * @return the stored to-do
     * @throws SQLException on a database error
     */
    public Todo add(String title) throws SQLException {
        return database.inTransaction(c -> insert(c, title));
    }

    /**
     * Inserts a row on a given connection (tests use it to seed their own transaction).
     *
     * @param connection the connection
     * @param title what to do
     * @return the stored to-do
     * @throws SQLException on a database error
     */
    public static Todo insert(Connection connection, String title) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into todo (title) values (?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, title);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Todo(keys.getLong(1), title);
            }
        }
    }
}
