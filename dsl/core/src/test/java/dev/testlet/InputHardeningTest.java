package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the DSL does with hostile input, end to end: cookies, redirects, limits, odd responses. */
class InputHardeningTest {

    /** Answers with the headers named in ?h=Name:value (repeatable) and a body of ?body=. */
    public static class RawHeaders extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String[] headers = req.getParameterValues("h");
            for (String h : headers == null ? new String[0] : headers) {
                int colon = h.indexOf(':');
                resp.addHeader(h.substring(0, colon), h.substring(colon + 1));
            }
            String body = req.getParameter("body");
            if (body != null) {
                resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** One line of ?bytes= x's, with no newline, then nothing more. */
    public static class LongLine extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType(req.getParameter("type"));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int left = Integer.parseInt(req.getParameter("bytes")); left > 0; left -= chunk.length) {
                resp.getOutputStream().write(chunk, 0, Math.min(left, chunk.length));
                resp.getOutputStream().flush();
            }
        }
    }

    TestClient client;

    @BeforeEach
    void start() {
        client = Testlet.start(TestApps.builder()
                .servlet("/raw", RawHeaders.class)
                .servlet("/long-line", LongLine.class)
                .servlet("/ticks", new StreamingApps.SseTicker(new java.util.concurrent.LinkedBlockingQueue<>()))
                .build());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void a_cookie_value_that_would_be_two_cookies_is_refused_naming_the_character() {
        assertThatThrownBy(() -> client.given().cookie("session", "guest; admin=true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("';'").hasMessageContaining("index 5");
        assertThatThrownBy(() -> client.withCookie("a=b", "1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'='");
    }

    @Test
    void a_redirect_to_a_path_with_non_ascii_characters_is_followed_percent_encoded() {
        Response r = client.given().queryParam("to", "/echo/café").get("/redirect");

        r.expectStatus(200).expectJson("/path", "/echo/caf%C3%A9");
        assertThat(r.redirects()).hasSize(1);
    }

    @Test
    void a_redirect_off_the_apps_origin_is_not_followed_and_the_report_says_why() {
        for (String away : List.of("ftp://localhost/file", "http://localhost:9999/x", "javascript:alert(1)")) {
            Response r = client.given().queryParam("to", away).get("/redirect").expectStatus(302);

            expectFailure(() -> r.expectStatus(200)).hasFactContaining("redirect", "not followed");
        }
    }

    @Test
    void a_streamed_line_over_the_limit_fails_naming_the_limit_and_the_knob() {
        TestClient small = client.withLimits(client.limits().withMaxLineBytes(100_000));
        try (StreamingResponse s = small.given().queryParam("bytes", 300_000).queryParam("type", "text/plain")
                .stream("GET", "/long-line")) {
            expectFailure(s::nextLine)
                    .hasFactContaining("but", "100,000")
                    .hasFactContaining("but", "client.withLimits(client.limits().withMaxLineBytes(");
        }
    }

    @Test
    void an_event_over_the_limit_fails_naming_the_limit() {
        TestClient small = client.withLimits(client.limits().withMaxLineBytes(10_000));
        try (EventStream events = small.given().queryParam("bytes", 50_000).queryParam("type", "text/event-stream")
                .sse("/long-line")) {
            expectFailure(events::next).hasFactContaining("but", "withMaxLineBytes(");
        }
    }

    @Test
    void a_set_cookie_a_browser_would_ignore_and_an_unknown_charset_are_named_in_the_report() {
        Response r = client.given().queryParam("h", "Set-Cookie:broken").queryParam("h", "Content-Type:text/plain; charset=klingon")
                .queryParam("body", "hi").get("/raw");

        expectFailure(() -> r.expectStatus(201))
                .mentions("--- notes ---\nSet-Cookie: broken was ignored: it has no '=' between a cookie name and a value")
                .mentions("the Content-Type names the charset \"klingon\"");
    }
}
