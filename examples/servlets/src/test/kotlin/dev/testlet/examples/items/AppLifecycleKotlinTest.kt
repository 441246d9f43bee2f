package dev.testlet.examples.items

import dev.testlet.TestClient
import dev.testlet.Testlet
import dev.testlet.engine.AppStartupException
import dev.testlet.engine.ServletApp
import dev.testlet.junit.Mode
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** Startup and shutdown from Kotlin, for apps the test starts itself: in-process and on a real port alike. */
class AppLifecycleKotlinTest {

    private fun start(mode: Mode, app: ServletApp): TestClient =
        if (mode == Mode.SERVED) Testlet.serve(app) else Testlet.start(app)

    @ParameterizedTest
    @EnumSource(Mode::class)
    fun startup_failure_names_the_listener(mode: Mode) {
        val closed = ItemRepository().apply { close() }

        val e = assertThrows<AppStartupException> { start(mode, ItemsApp.app(closed)) }

        assertThat(e).hasMessageContaining(AppLifecycle::class.java.name)
    }

    @ParameterizedTest
    @EnumSource(Mode::class)
    fun closing_the_client_stops_the_app_and_closes_its_repository(mode: Mode) {
        val repository = ItemRepository()

        start(mode, ItemsApp.app(repository)).use { client ->
            client.given().bearerAuth(ItemsApp.TOKEN).get("/items").expectStatus(200)
            assertThat(repository.isOpen).isTrue()
        }

        assertThat(repository.isClosed).isTrue()
    }
}
