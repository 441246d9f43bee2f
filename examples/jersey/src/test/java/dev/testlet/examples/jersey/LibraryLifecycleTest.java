package dev.testlet.examples.jersey;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.engine.AppStartupException;
import dev.testlet.engine.ServletApp;
import dev.testlet.junit.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Startup of the Jersey app, for apps the test starts itself: in-process and on a real port alike. */
class LibraryLifecycleTest {

    /** Starts the app as the mode does. */
    private static TestClient start(Mode mode, ServletApp app) {
        return mode == Mode.SERVED ? Testlet.serve(app) : Testlet.start(app);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void the_app_refuses_to_start_without_its_token(Mode mode) {
        assertThatThrownBy(() -> start(mode, LibraryApp.builder().build()).close())
                .isInstanceOf(AppStartupException.class)
                .hasMessageContaining("library.token is not set");
    }
}
