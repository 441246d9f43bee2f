package dev.testlet.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The root java.util.logging logger keeps its handlers across an app's life. Spring Boot's
 * {@code LoggingSystem.cleanUp}, when a Boot app closes, removes the JUL bridge handler from the root
 * logger, also one that another, still running Boot context installed (a cached
 * {@code @SpringBootTest} in the same JVM), leaving JUL with no handler; {@link RemovesRootHandlers}
 * does what it does, without Spring.
 */
class JulRootHandlersTest {

    private final Logger root = Logger.getLogger("");
    private final Handler bridge = new Bridge();
    private List<Handler> before;

    /** Stands for the bridge handler another Boot context put on the root logger. */
    static final class Bridge extends Handler {
        @Override
        public void publish(LogRecord record) {}

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /** At the app's close, removes every handler of the root logger, as Boot's cleanUp removes its bridge. */
    public static class RemovesRootHandlers implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            Logger root = Logger.getLogger("");
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
        }
    }

    @BeforeEach
    void installTheBridge() {
        root.addHandler(bridge);
        before = List.of(root.getHandlers());
    }

    @AfterEach
    void putTheRootLoggerBack() {
        root.removeHandler(bridge);
        for (Handler h : before) {
            if (h != bridge && !List.of(root.getHandlers()).contains(h)) {
                root.addHandler(h);
            }
        }
    }

    @Test
    void handlers_an_app_removed_from_the_root_logger_at_its_close_are_back_after_it() {
        ServletApp app = ServletApp.builder().listener(RemovesRootHandlers.class).build();
        TestClient client = Testlet.start(app);
        assertThat(root.getHandlers()).hasSize(before.size() + 1);   // and Testlet's capture

        client.close();

        assertThat(root.getHandlers()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void apps_that_overlap_leave_the_root_logger_as_it_was_and_no_capture_of_theirs_on_it() {
        ServletApp removing = ServletApp.builder().listener(RemovesRootHandlers.class).build();
        TestClient first = Testlet.start(removing);
        TestClient second = Testlet.start(ServletApp.builder().build());

        first.close();   // removes the second app's capture too
        second.close();

        assertThat(root.getHandlers()).containsExactlyInAnyOrderElementsOf(before);
    }
}
