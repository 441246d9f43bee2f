package dev.testlet.examples.todos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.Mode;
import dev.testlet.junit.OnlyInMode;
import dev.testlet.junit.TestletExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test owns a transaction; in sync mode the app's handler runs on the test's thread, so the app
 * works inside that transaction: it sees rows the test seeded, its writes land there, and the test
 * rolls everything back. The Java counterpart of an async database session with rollback in a
 * FastAPI test, without sharing an event loop. Served on a real port, the handler runs on the server's
 * threads instead, so the tests that share the transaction say they only mean the in-process run.
 */
@InBothModes
class TransactionRollbackTest {

    static final String SAME_THREAD = "the app joins the test's transaction through a ThreadLocal, which reaches it"
            + " only in-process, where the handler runs on the thread that sends the request";

    final Database database = Database.inMemory("todos-" + UUID.randomUUID());

    /** On an instance field the extension starts an app for each test: here, on the test's own database. */
    @RegisterExtension
    final TestletExtension testlet = TestletExtension.forApp(() -> TodoApp.app(database));

    @Test
    @OnlyInMode(value = Mode.IN_PROCESS, because = SAME_THREAD)
    void the_app_works_inside_the_tests_transaction_and_the_rollback_undoes_it(TestClient client) throws Exception {
        try (Connection tx = database.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            try (AutoCloseable bound = database.bind(tx)) {
                TodoRepository.insert(tx, "seeded by the test");

                client.given().get("/todos").expectJson("/todos/0/title", "seeded by the test");
                client.given().jsonBody(Map.of("title", "added by the app")).post("/todos").expectStatus(201);

                assertThat(count(tx)).as("the app's insert is in the test's transaction").isEqualTo(2);
                assertThat(countFromAnotherConnection()).as("nothing is committed").isZero();
            }
            tx.rollback();
        }

        client.given().get("/todos").expectJson("/todos", List.of());
    }

    @Test
    void without_a_bound_transaction_the_app_commits_its_own(TestClient client) throws Exception {
        client.given().jsonBody(Map.of("title", "committed")).post("/todos").expectStatus(201);

        assertThat(countFromAnotherConnection()).isEqualTo(1);
    }

    @Test
    @OnlyInMode(value = Mode.IN_PROCESS, because = SAME_THREAD)
    void in_async_mode_the_request_runs_on_another_thread_so_the_binding_must_be_carried(TestClient client)
            throws Exception {
        try (Connection tx = database.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            try (AutoCloseable bound = database.bind(tx)) {
                TodoRepository.insert(tx, "uncommitted");

                client.async().given().get("/todos").join().expectJson("/todos", List.of());
                client.async().withThreadLocal(database.binding()).given().get("/todos").join()
                        .expectJson("/todos/0/title", "uncommitted");
            }
            tx.rollback();
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from todo")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int countFromAnotherConnection() throws SQLException {
        try (Connection other = database.dataSource().getConnection()) {
            return count(other);
        }
    }
}
