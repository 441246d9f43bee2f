package dev.testlet.examples.todos;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The app's database access. Work runs in a transaction of its own, unless a connection is bound to
 * the current thread: then it runs on that connection and leaves commit and rollback to whoever bound
 * it. This is the hook tests use, the way Spring's transaction synchronisation works.
 *
 * <pre>{@code
 * try (Connection tx = database.dataSource().getConnection(); var bound = database.bind(tx)) {
 *     tx.setAutoCommit(false);
 *     // requests in sync mode run on this thread, so the app works inside tx
 *     tx.rollback();
 * }
 * }</pre>
 */
public final class Database {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection
         * @return the result
         * @throws SQLException on a database error
         */
        T on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

    private Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A fresh in-memory H2 database, kept until the JVM ends.
     *
     * @param name a name no other test uses
     * @return the database
     */
    public static Database inMemory(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new Database(h2);
    }

    /**
     * The data source, for the test's own connections.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Binds a connection to the current thread until the returned handle is closed.
     *
     * @param connection the connection the app should use on this thread
     * @return a handle that unbinds it
     */
    public AutoCloseable bind(Connection connection) {
        bound.set(connection);
        return bound::remove;
    }

    /**
     * The thread-bound connection slot, to carry it to other threads (for example with
     * {@code client.async().withThreadLocal(database.binding())}).
     *
     * @return the thread local
     */
    public ThreadLocal<Connection> binding() {
        return bound;
    }

    /**
     * Runs work in a transaction: the bound one if there is one, otherwise a new one that is
     * committed on success and rolled back on failure.
     *
     * @param work the work
     * @param <T> its result
     * @return the result
     * @throws SQLException on a database error
     */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        Connection current = bound.get();
        if (current != null) {
            return work.on(current);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
