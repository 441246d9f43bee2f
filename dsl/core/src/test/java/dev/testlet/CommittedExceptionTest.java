package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An exception that escapes the app after its response was committed is still a server exception. */
class CommittedExceptionTest {

    /** Sends its headers and part of the body, then throws. */
    public static class ThrowsAfterCommit extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.setHeader("X-Step", "1");
            resp.getWriter().write("partial ");
            resp.flushBuffer();
            throw new IllegalStateException("failed after the commit");
        }
    }

    static TestClient client;

    @BeforeAll
    static void start() {
        client = Testlet.start(ServletApp.builder().servlet("/partial", ThrowsAfterCommit.class).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void is_rethrown_as_a_server_exception_whose_response_says_it_was_cut_short() {
        ServerException e = catchThrowableOfType(ServerException.class, () -> client.given().get("/partial"));

        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("failed after the commit");
        assertThat(e.getMessage()).contains("response                    : 200 OK, cut short after 8 body bytes: the app"
                + " threw after the response was committed, so Jetty could not send a 500");
        assertThat(e.getMessage()).contains("(incomplete: the server closed the connection before the response was complete"
                + " (after 8 body bytes), because the app threw after the response was committed)");
        assertThat(e.response().text()).isEqualTo("partial ");
    }

    @Test
    void with_server_exceptions_as_responses_the_partial_response_is_returned() {
        Response r = client.withServerExceptionsAsResponses().given().get("/partial");

        r.expectStatus(200).expectHeader("X-Step", "1").expectBody("partial ");
        assertThat(r.serverException()).isInstanceOf(IllegalStateException.class);
        assertThat(r.exchange().isComplete()).isFalse();
        assertThat(r.exchange().incomplete()).startsWith("the server closed the connection before the response was complete");
    }

    @Test
    void the_app_answers_the_next_request() {
        client.withServerExceptionsAsResponses().given().get("/partial");

        client.withServerExceptionsAsResponses().given().get("/partial").expectStatus(200);
    }
}
