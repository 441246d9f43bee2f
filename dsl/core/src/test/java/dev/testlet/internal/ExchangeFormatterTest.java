package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServerLogRecord;
import dev.testlet.engine.spi.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The one place where the exact text of a failure report is pinned. */
class ExchangeFormatterTest {

    private final ExchangeFormatter formatter = formatter(Secrets.of(null, null));

    private static ExchangeFormatter formatter(Secrets secrets) {
        return new ExchangeFormatter(JsonMapper.builder().build(), "http://localhost:8080", secrets);
    }

    private static RequestPlan request() {
        return new RequestPlan("POST", "/items?draft=true",
                Headers.of("Host", "localhost", "Authorization", "Bearer s3cr3t", "Cookie", "sid=abc; theme=dark",
                        "Content-Type", "application/json", "Content-Length", "15"),
                "{\"name\":\"pen\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
    }

    @Test
    void formats_request_response_server_side_and_replay_with_secrets_masked_and_json_indented() {
        IllegalStateException thrown = new IllegalStateException("no stock");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Items", "create", "Items.java", 42),
            new StackTraceElement("dev.testlet.engine.internal.app.FrontFilter", "doFilter", "FrontFilter.java", 36),
            new StackTraceElement("org.eclipse.jetty.Server", "handle", "Server.java", 1)
        });
        Exchange exchange = new Exchange(request(), 409, "Conflict",
                Headers.of("Content-Type", "application/json", "Set-Cookie", "sid=xyz; Path=/; HttpOnly"),
                "{\"error\":\"no stock\",\"ids\":[1,2]}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(3),
                thrown,
                List.of(new ServerLogRecord(Instant.parse("2026-01-02T10:11:12.345Z"), "WARNING", "com.example.Items",
                        "pen is out of stock", null, "main")));

        assertThat(formatter.format(exchange)).isEqualTo("""
                --- request ---
                POST /items?draft=true HTTP/1.1
                Host: localhost
                Authorization: Bearer ***
                Cookie: sid=***; theme=dark
                Content-Type: application/json
                Content-Length: 15

                {
                  "name" : "pen"
                }

                --- response: 409 Conflict (3ms) ---
                Content-Type: application/json
                Set-Cookie: sid=***; Path=/; HttpOnly

                {
                  "error" : "no stock",
                  "ids" : [ 1, 2 ]
                }

                --- server exception (escaped the app's filter chain) ---
                java.lang.IllegalStateException: no stock
                \tat com.example.Items.create(Items.java:42)
                \t... 2 frames of Jetty and the test below the app

                --- server log while handling this request ---
                10:11:12.345 WARNING com.example.Items - pen is out of stock

                --- replay ---
                curl -X POST 'http://localhost:8080/items?draft=true' -H 'Authorization: Bearer ***' -H 'Cookie: sid=***; theme=dark' -H 'Content-Type: application/json' --data-raw '{"name":"pen"}'
                (*** hides a secret value; run with -Dtestlet.reveal=true to see it on your machine)
                """);
    }

    @Test
    void names_a_client_lists_are_masked_too_and_harmless_values_replay_as_they_are() {
        RequestPlan plan = new RequestPlan("GET", "/items", Headers.of("X-Tenant", "acme", "Cookie",
                "JSESSIONID=1f; connect.sid=s%3A9; XSRF-TOKEN=t; device=phone; lang=en", "Accept", "application/json"),
                null, Duration.ofSeconds(1));

        assertThat(formatter(Secrets.of(null, null).withNames(List.of("x-tenant", "DEVICE"))).formatRequestOnly(plan))
                .isEqualTo("""
                        --- request ---
                        GET /items HTTP/1.1
                        X-Tenant: ***
                        Cookie: JSESSIONID=***; connect.sid=***; XSRF-TOKEN=***; device=***; lang=en
                        Accept: application/json

                        --- replay ---
                        curl -X GET 'http://localhost:8080/items' -H 'X-Tenant: ***' -H 'Cookie: JSESSIONID=***; connect.sid=***; XSRF-TOKEN=***; device=***; lang=en' -H 'Accept: application/json'
                        (*** hides a secret value; run with -Dtestlet.reveal=true to see it on your machine)
                        """);
    }

    @Test
    void testlet_reveal_shows_the_values_on_a_developers_machine_but_not_on_ci() {
        RequestPlan plan = RequestPlan.of("GET", "/me").withHeader("Authorization", "Bearer s3cr3t");

        assertThat(formatter(Secrets.of("true", null)).formatRequestOnly(plan)).endsWith("""
                curl -X GET 'http://localhost:8080/me' -H 'Authorization: Bearer s3cr3t'
                (secret values are shown: -Dtestlet.reveal=true; keep this report to yourself)
                """);
        assertThat(formatter(Secrets.of("true", "true")).formatRequestOnly(plan)).endsWith("""
                curl -X GET 'http://localhost:8080/me' -H 'Authorization: Bearer ***'
                (*** hides a secret value; -Dtestlet.reveal=true is ignored because the CI environment variable is set)
                """);
        assertThat(formatter(Secrets.of("false", null)).formatRequestOnly(plan)).contains("Authorization: Bearer ***");
    }

    @Test
    void nothing_secret_means_no_note() {
        RequestPlan plan = RequestPlan.of("GET", "/items").withHeader("Cookie", "theme=dark");

        assertThat(formatter.formatRequestOnly(plan)).endsWith("""
                --- replay ---
                curl -X GET 'http://localhost:8080/items' -H 'Cookie: theme=dark'
                """);
    }

    @Test
    void a_long_body_is_cut_with_a_note_and_a_binary_body_is_summarised() {
        String longText = "x".repeat(5_000);
        Exchange text = new Exchange(RequestPlan.of("GET", "/log"), 200, "OK", Headers.of("Content-Type", "text/plain"),
                longText.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(1), null, List.of());
        Exchange binary = new Exchange(RequestPlan.of("GET", "/logo"), 200, "OK", Headers.of("Content-Type", "image/png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, Duration.ofMillis(1),
                null, List.of());

        assertThat(formatter.format(text))
                .contains("x".repeat(4_000) + "\n... (1,000 more characters not shown; read response.text() for the whole body)\n")
                .doesNotContain("x".repeat(4_001));
        assertThat(formatter.format(binary))
                .contains("<18 bytes of binary data: 89 50 4e 47 00 01 02 03 04 05 06 07 08 09 0a 0b ...>");
    }

    @Test
    void an_empty_response_says_so() {
        Exchange empty = new Exchange(RequestPlan.of("DELETE", "/items/3"), 204, "No Content", Headers.empty(),
                new byte[0], Duration.ofMillis(2), null, List.of());

        assertThat(formatter.format(empty)).isEqualTo("""
                --- request ---
                DELETE /items/3 HTTP/1.1

                --- response: 204 No Content (2ms) ---

                (no body)

                --- replay ---
                curl -X DELETE 'http://localhost:8080/items/3'
                """);
    }
}
