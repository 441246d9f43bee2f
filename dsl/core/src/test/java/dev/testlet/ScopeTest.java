package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.CapturedLog;
import dev.testlet.fixtures.ScopedApps;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scopes opened by hand, as code outside JUnit does: what a scope creates is its own and ends with it. */
class ScopeTest {

    AtomicInteger disconnects = new AtomicInteger();
    TestClient app;

    @BeforeEach
    void start() {
        app = Testlet.start(ScopedApps.builder(disconnects).override(ScopedApps.MAILER, "builder fake").build());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_builders_override_is_the_base_every_scope_sees_and_no_scope_clears() {
        try (TestScope first = app.openScope("first")) {
            first.client().clearOverrides();
            first.client().given().get("/value").expectBody("builder fake");
        }
        try (TestScope second = app.openScope("second")) {
            second.client().given().get("/value").expectBody("builder fake");
        }
        app.given().get("/value").expectBody("builder fake");
    }

    @Test
    void a_scopes_override_reaches_every_path_work_can_be_attributed_by_and_ends_with_the_scope() {
        try (TestScope scope = app.openScope("with a fake mailer")) {
            TestClient client = scope.client();
            client.override(ScopedApps.MAILER, "scope fake");

            client.given().get("/value").expectBody("scope fake");
            client.given().get("/async-start").expectBody("scope fake");
            client.given().get("/dispatch").expectBody("scope fake");
            client.given().get("/lent").expectBody("scope fake");
            assertThat(client.async().given().get("/value").join().text()).isEqualTo("scope fake");
            client.withHeader("X-Derived", "yes").given().get("/value").expectBody("scope fake");
            try (StreamingResponse values = client.given().stream("GET", "/values")) {
                values.expectLine("scope fake");
            }
            try (WebSocketSession ws = client.given().websocket("/ws/value")) {
                ws.sendText("which?").expectText("scope fake");
            }
            client.given().get("/own-thread").expectBody("builder fake");
        }
        app.given().get("/value").expectBody("builder fake");
    }

    @Test
    void two_scopes_on_one_app_see_only_their_own_override_even_at_once() throws Exception {
        try (TestScope a = app.openScope("a"); TestScope b = app.openScope("b")) {
            a.client().override(ScopedApps.MAILER, "a");
            b.client().override(ScopedApps.MAILER, "b");
            CompletableFuture<Void> fromA = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 200; i++) {
                    a.client().given().get("/value").expectBody("a");
                }
            });
            for (int i = 0; i < 200; i++) {
                b.client().given().get("/value").expectBody("b");
            }
            fromA.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void an_inner_scope_sees_its_parents_overrides_and_may_put_its_own_over_them() {
        try (TestScope outer = app.openScope("outer")) {
            outer.client().override(ScopedApps.MAILER, "outer");
            try (TestScope inner = outer.client().openScope("inner")) {
                inner.client().given().get("/value").expectBody("outer");
                inner.client().override(ScopedApps.MAILER, "inner");
                inner.client().given().get("/value").expectBody("inner");
            }
            outer.client().given().get("/value").expectBody("outer");
        }
    }

    @Test
    void ending_a_scope_closes_what_it_left_open_the_server_sees_it_and_a_warning_names_it() {
        TestScope scope = app.openScope("forgetful test");
        StreamingResponse forgotten = scope.client().given().stream("GET", "/values");
        forgotten.expectLine("builder fake");

        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            scope.close();

            assertThat(disconnects).as("the server saw the disconnect when the scope ended").hasValue(1);
            assertThat(log.messages()).singleElement().satisfies(w -> assertThat(w)
                    .startsWith("WARNING forgetful test left 1 thing open; Testlet closed it:\n"
                            + "  - stream GET /values (opened at dev.testlet.ScopeTest."
                            + "ending_a_scope_closes_what_it_left_open_the_server_sees_it_and_a_warning_names_it"
                            + "(ScopeTest.java:"));
        }
        assertThatThrownBy(forgotten::nextLine).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed");
    }

    @Test
    void closing_strictly_fails_with_what_was_left_open_and_where() {
        TestScope scope = app.openScope("strict test");
        scope.client().given().stream("GET", "/values").expectLine("builder fake");

        expectFailure(scope::closeStrictly)
                .hasFact("expected", "strict test to close everything it opened")
                .hasFactContaining("but", "it left 1 open, and Testlet closed it after the test:\nstream GET /values"
                        + " (opened at dev.testlet.ScopeTest.closing_strictly_fails_with_what_was_left_open_and_where"
                        + "(ScopeTest.java:");
        assertThat(disconnects).hasValue(1);
    }

    @Test
    void a_scope_that_ended_refuses_to_open_more() {
        TestScope scope = app.openScope("over");
        scope.close();

        assertThatThrownBy(() -> scope.client().given().stream("GET", "/values"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot open stream GET /values: over has ended; open it in a test that is still"
                        + " running, or from a scope of its own");
        assertThat(disconnects).as("the stream opened and was closed at once").hasValue(1);
    }

    @Test
    void closing_a_scopes_client_ends_the_scope_but_not_the_app() {
        TestScope scope = app.openScope("short");
        scope.client().override(ScopedApps.MAILER, "short-lived");

        scope.client().close();

        assertThat(scope.isClosed()).isTrue();
        assertThat(app.isClosed()).isFalse();
        app.given().get("/value").expectBody("builder fake");
    }

    @Test
    void closing_the_app_ends_the_scopes_opened_from_it() {
        TestClient other = Testlet.start(ScopedApps.builder(disconnects).build());
        TestScope scope = other.openScope("left running");
        scope.client().given().stream("GET", "/values").expectLine("real");

        try (CapturedLog log = CapturedLog.of("dev.testlet")) {
            other.close();

            assertThat(scope.isClosed()).isTrue();
            assertThat(log.messages()).anySatisfy(w -> assertThat(w).contains("left running left 1 thing open"))
                    .anySatisfy(w -> assertThat(w).contains("Testlet.start(app) left 1 thing open")
                            .contains("scope left running (opened at dev.testlet.ScopeTest."));
        }
        assertThat(disconnects).hasValue(1);
    }

    @Test
    void a_scope_needs_a_name() {
        assertThatThrownBy(() -> app.openScope(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("openScope needs a name for its warnings, such as the test's name");
    }
}
