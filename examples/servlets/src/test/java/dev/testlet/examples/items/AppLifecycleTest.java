package dev.testlet.examples.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.testlet.ServerException;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.ServletApp;
import dev.testlet.junit.Mode;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Startup and shutdown of the items app: the repository's life follows the app's. These tests start
 * and stop apps themselves, each in both modes: in-process ({@code Testlet.start}) and on a real port
 * ({@code Testlet.serve}), whose startup failures and shutdown are the same.
 */
class AppLifecycleTest {

    /** Starts the app as the mode does. */
    private static TestClient start(Mode mode, ServletApp app) {
        return mode == Mode.SERVED ? Testlet.serve(app) : Testlet.start(app);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void the_repository_is_open_while_the_app_runs_and_closed_after_close(Mode mode) {
        ItemRepository repository = new ItemRepository();

        try (TestClient client = start(mode, ItemsApp.app(repository))) {
            assertThat(repository.isOpen()).isTrue();
            client.given().bearerAuth(ItemsApp.TOKEN).get("/items").expectStatus(200);
            assertThat(client.isClosed()).isFalse();
        }

        assertThat(repository.isClosed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void without_a_repository_the_app_starts_with_an_empty_one_of_its_own(Mode mode) {
        try (TestClient client = start(mode, ItemsApp.app())) {
            client.given().bearerAuth(ItemsApp.TOKEN).get("/items").expectStatus(200).expectBody("{\"items\":[]}");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void startup_fails_naming_the_listener_when_the_repository_cannot_be_opened(Mode mode) {
        ItemRepository used = new ItemRepository();
        used.close();

        AppStartupException e = assertThrows(AppStartupException.class, () -> start(mode, ItemsApp.app(used)));

        assertThat(e).hasMessageContaining(AppLifecycle.class.getName()).hasMessageContaining("contextInitialized");
        assertThat(e).rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it is already closed");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void startup_fails_naming_a_listener_that_throws_and_undoes_the_listeners_before_it(Mode mode) {
        // GIVEN the app's own lifecycle, then a listener that cannot reach its database
        ItemRepository repository = new ItemRepository();
        ServletApp app = ItemsApp.builder()
                .attribute(AppLifecycle.REPOSITORY, repository)
                .listener(UnreachableDatabase.class)
                .build();

        // WHEN the app starts
        AppStartupException e = assertThrows(AppStartupException.class, () -> start(mode, app));

        // THEN the failure names the listener, and AppLifecycle, which had opened the repository, closed it
        assertThat(e).hasMessageContaining(UnreachableDatabase.class.getName()).hasMessageContaining("database unreachable");
        assertThat(e).rootCause().hasMessage("database unreachable");
        assertThat(repository.isClosed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void a_request_to_a_closed_repository_rethrows_the_apps_exception(Mode mode) {
        ItemRepository repository = new ItemRepository();
        try (TestClient client = start(mode, ItemsApp.app(repository))) {
            TestClient authed = client.withHeader("Authorization", "Bearer " + ItemsApp.TOKEN);
            repository.close();

            ServerException e = assertThrows(ServerException.class, () -> authed.given().get("/items"));

            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("repository is closed");
            e.response().expectStatus(500);
            authed.withServerExceptionsAsResponses().given().get("/items").expectStatus(500);
        }
    }

    /** A listener whose startup fails, as one that connects to a database might. */
    public static final class UnreachableDatabase implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            throw new IllegalStateException("database unreachable");
        }
    }
}
