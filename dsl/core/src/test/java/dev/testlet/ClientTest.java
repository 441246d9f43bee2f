package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.testlet.fixtures.EchoServlet;
import dev.testlet.fixtures.TestApps;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientTest {

    TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(TestApps.all());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    // ---------------------------------------------------------------- same thread

    @Test
    void the_servlet_runs_on_the_test_thread_for_every_request_so_thread_locals_are_shared() {
        EchoServlet.TEST_THREAD_VALUE.set("set by the test");
        try {
            for (int i = 0; i < 500; i++) {
                client.given().get("/echo")
                        .expectJson("/thread", Thread.currentThread().getName())
                        .expectJson("/threadValue", "set by the test");
            }
        } finally {
            EchoServlet.TEST_THREAD_VALUE.remove();
        }
    }

    // ---------------------------------------------------------------- cookies and sessions

    @Test
    void cookies_set_by_the_app_are_sent_back() {
        client.given().queryParam("name", "theme").queryParam("value", "dark").get("/cookies/set");

        client.given().get("/echo").expectJson("/cookies/theme", "dark");
        assertThat(client.cookies()).containsEntry("theme", "dark");
    }

    @Test
    void an_http_session_lives_across_requests_through_the_jsessionid_cookie() {
        client.given().get("/session").expectJson("/count", 1);
        client.given().get("/session").expectJson("/count", 2);

        assertThat(client.cookies()).containsKey("JSESSIONID");
    }

    @Test
    void a_cookie_deleted_with_max_age_zero_is_forgotten() {
        client.given().queryParam("name", "a").queryParam("value", "1").get("/cookies/set");
        client.given().queryParam("name", "a").queryParam("value", "").queryParam("maxAge", 0).get("/cookies/set");

        assertThat(client.cookies()).doesNotContainKey("a");
    }

    @Test
    void cookies_are_sent_only_to_their_path() {
        client.given().queryParam("name", "scoped").queryParam("value", "1").queryParam("path", "/echo/admin")
                .get("/cookies/set");

        client.given().get("/echo/admin/x").expectJson("/cookies/scoped", "1");
        client.given().get("/echo/other").expectJson("/cookies", java.util.Map.of());
    }

    @Test
    void derived_clients_share_the_jar_and_a_new_jar_is_a_second_user() {
        TestClient derived = client.withHeader("X-A", "1");
        TestClient stranger = client.withNewCookieJar();

        derived.given().get("/session").expectJson("/count", 1);
        client.given().get("/session").expectJson("/count", 2);
        stranger.given().get("/session").expectJson("/count", 1);
    }

    @Test
    void clear_cookies_starts_a_new_session() {
        client.given().get("/session");
        client.clearCookies();

        client.given().get("/session").expectJson("/count", 1);
    }

    @Test
    void default_headers_and_cookies_of_a_derived_client_are_sent_and_a_request_header_wins() {
        TestClient derived = client.withHeader("X-Default", "client").withCookie("c", "1");

        derived.given().get("/echo").expectJson("/headers/x-default", java.util.List.of("client")).expectJson("/cookies/c", "1");
        derived.given().header("X-Default", "request").get("/echo").expectJson("/headers/x-default", java.util.List.of("request"));
        client.given().get("/echo").expectJson("/cookies", java.util.Map.of());
    }

    // ---------------------------------------------------------------- redirects

    @Test
    void redirects_are_followed_and_kept_in_the_history_with_cookies_set_on_the_way() {
        Response r = client.given().get("/redirect").expectStatus(200).expectJson("/path", "/echo/landed");

        assertThat(r.redirects()).hasSize(1);
        r.redirects().get(0).expectStatus(302).expectHeader("Location", "/echo/landed");
        r.expectJson("/cookies/visited", "redirect");
    }

    @Test
    void a_post_redirected_with_303_becomes_a_get_without_body_but_307_keeps_the_method_and_body() {
        client.given().body("payload", "text/plain").queryParam("status", 303).post("/redirect")
                .expectJson("/method", "GET").expectJson("/body", "");
        client.given().body("payload", "text/plain").queryParam("status", 307).post("/redirect")
                .expectJson("/method", "POST").expectJson("/body", "payload");
    }

    @Test
    void redirects_can_be_left_unfollowed() {
        client.withFollowRedirects(false).given().get("/redirect").expectStatus(302).expectHeader("Location", "/echo/landed");
    }

    @Test
    void a_redirect_loop_fails_with_the_hops() {
        expectFailure(() -> client.given().get("/loop"))
                .hasFact("but", "the app kept redirecting (a redirect loop?)")
                .hasFactContaining("hops", "GET /loop -> 302 Found")
                .hasFact("to see one hop", "client.withFollowRedirects(false)");
    }

    @Test
    void a_redirect_to_another_host_is_not_followed() {
        client.given().queryParam("to", "https://example.org/x").get("/redirect").expectStatus(302);
    }

    // ---------------------------------------------------------------- server exceptions

    @Test
    void an_exception_escaping_the_app_is_rethrown_with_the_exchange_by_default() {
        ServerException e = catchThrowableOfType(ServerException.class, () -> client.given().get("/boom"));

        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom from the servlet");
        assertThat(e.getMessage())
                .containsPattern("the app threw +: java.lang.IllegalStateException: boom from the servlet")
                .containsPattern("to get the response instead +: client.withServerExceptionsAsResponses\\(\\)")
                .contains("--- server exception (escaped the app's filter chain) ---")
                .contains("at dev.testlet.fixtures.TestApps$Boom.doGet");
        e.response().expectStatus(500);
    }

    @Test
    void a_client_option_returns_the_real_500_with_the_exception_attached() {
        Response r = client.withServerExceptionsAsResponses().given().get("/boom").expectStatus(500);

        assertThat(r.serverException()).isInstanceOf(IllegalStateException.class);
        expectFailure(() -> r.expectStatus(200)).mentions("java.lang.IllegalStateException: boom from the servlet");
    }

    // ---------------------------------------------------------------- timeouts

    @Test
    void a_handler_that_runs_past_the_timeout_fails_with_its_stack_and_the_test_thread_is_left_clean() {
        TestClient impatient = client.withTimeout(Duration.ofMillis(200));

        expectFailure(() -> impatient.given().queryParam("ms", 60_000).get("/slow"))
                .hasFact("timed out after", "200ms")
                .hasFact("waiting for", "the response to GET /slow?ms=60000")
                .hasFactContaining("handler thread", "at dev.testlet.fixtures.TestApps$Slow.doGet")
                .hasFactContaining("handler thread", "(it was interrupted)");

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        client.given().get("/echo").expectStatus(200);
    }

    @Test
    void a_request_timeout_can_be_set_per_request() {
        expectFailure(() -> client.given().timeout(Duration.ofMillis(100)).queryParam("ms", 60_000).get("/slow"))
                .hasFact("timed out after", "100ms");
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void a_closed_client_says_how_to_get_an_open_one() {
        client.close();

        assertThat(client.isClosed()).isTrue();
        assertThatThrownBy(() -> client.given().get("/echo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot send GET /echo: this app was closed; start it again with Testlet.start(app),"
                        + " or keep the client open until the test ends");
    }

    @Test
    void bad_client_settings_are_refused() {
        assertThatThrownBy(() -> client.withTimeout(Duration.ZERO))
                .hasMessage("timeout must be positive, but was PT0S; use for example Duration.ofSeconds(30)");
    }
}
