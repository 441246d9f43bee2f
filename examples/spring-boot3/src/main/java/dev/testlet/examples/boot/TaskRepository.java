package dev.testlet.examples.boot;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tasks table, through Spring's {@code JdbcClient} on Boot's {@code DataSource} (an in-memory H2
 * database with a unique name per start; {@code schema.sql} and {@code data.sql} set it up).
 */
@Repository
public class TaskRepository {

    private final JdbcClient jdbc;

    /**
     * @param jdbc Boot's JDBC client on the app's data source
     */
    public TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return every task, by id
     */
    public List<Task> findAll() {
        return jdbc.sql("select id, title, done, owner from task order by id").query(Task.class).list();
    }

    /**
     * @param id a task id
     * @return the task, or empty
     */
    public Optional<Task> findById(long id) {
        return jdbc.sql("select id, title, done, owner from task where id = ?").param(id).query(Task.class).optional();
    }

    /**
     * Stores a new task, not done yet.
     *
     * @param title what is to be done
     * @param owner who created it
     * @return the stored task with its id
     */
    public Task insert(String title, String owner) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into task (title, done, owner) values (?, false, ?)").params(title, owner).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        return new Task(id, title, false, owner);
    }

    /**
     * @param id a task id
     * @return whether a task was deleted
     */
    public boolean delete(long id) {
        return jdbc.sql("delete from task where id = ?").param(id).update() == 1;
    }

    /**
     * @return how many tasks there are
     */
    public long count() {
        return jdbc.sql("select count(*) from task").query(Long.class).single();
    }
}
