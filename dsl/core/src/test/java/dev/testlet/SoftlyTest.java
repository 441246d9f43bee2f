package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code client.softly}: every failed expectation in one report, each exchange printed once. */
class SoftlyTest {

    TestClient client;

    @BeforeEach
    void start() {
        ServletApp app = TestApps.builder().servlet("/ticks", new StreamingApps.SseTicker(new LinkedBlockingQueue<>())).build();
        client = Testlet.start(app);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void every_failed_expectation_is_reported_together_with_the_exchange_printed_once() {
        Response r = client.given().get("/json");

        AssertionError error = expectFailure(() -> client.softly(() -> {
            r.expectStatus(201);
            r.expectJson("/name", "pencil");
            r.expectHeader("Content-Type", "text/plain");
            r.expectJson("/id", 3);
        })).error();

        String message = error.getMessage();
        assertThat(message).startsWith("3 expectations failed:\n\n"
                + "1) expected status : 201\n"
                + "   but was         : 200 OK\n"
                + "   request         : GET /json\n\n"
                + "2) expected JSON at /name : \"pencil\"\n"
                + "   but was                : \"pen\"\n"
                + "   request                : GET /json\n\n"
                + "3) expected header Content-Type : text/plain\n");
        assertThat(message.split("--- request ---", -1)).as("the exchange is printed once").hasSize(2);
        assertThat(message).contains("--- response: 200 OK").endsWith("curl -X GET 'http://localhost:8080/json'");
    }

    @Test
    void expectations_on_two_exchanges_print_each_exchange_once_saying_which_failures_it_belongs_to() {
        Response json = client.given().get("/json");
        Response text = client.given().get("/text");

        String message = expectFailure(() -> client.softly(() -> {
            json.expectStatus(404);
            text.expectBody("nope");
            json.expectJson("/id", 4);
        })).error().getMessage();

        assertThat(message).startsWith("3 expectations failed:")
                .contains("\n=== the exchange of failures 1, 3 ===\n--- request ---\nGET /json HTTP/1.1")
                .contains("\n=== the exchange of failure 2 ===\n--- request ---\nGET /text HTTP/1.1");
    }

    @Test
    void a_block_without_failures_returns_quietly() {
        Response r = client.given().get("/json");

        client.softly(() -> r.expectStatus(200).expectJson("/id", 3));
    }

    @Test
    void an_exception_that_ends_the_block_is_reported_after_the_failures_and_is_the_cause() {
        Response r = client.given().get("/json");
        IllegalStateException boom = new IllegalStateException("boom");

        AssertionError error = expectFailure(() -> client.softly(() -> {
            r.expectStatus(500);
            throw boom;
        })).error();

        assertThat(error.getMessage()).startsWith("2 expectations failed (the last one ended the block):")
                .contains("2) the block threw java.lang.IllegalStateException:\n   boom");
        assertThat(error.getCause()).isSameAs(boom);
    }

    @Test
    void an_exception_alone_is_rethrown_as_it_was() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> client.softly(() -> {
            throw boom;
        })).isSameAs(boom);
    }

    @Test
    void a_failure_that_stops_reading_ends_the_block_after_the_failures_before_it() {
        Response text = client.given().get("/text");

        AssertionError error = expectFailure(() -> client.softly(() -> {
            text.expectStatus(201);
            text.json();   // a read, not an expectation: it cannot go on without a document
            text.expectStatus(202);
        })).error();

        assertThat(error.getMessage()).startsWith("2 expectations failed (the last one ended the block):")
                .contains("1) expected status : 201")
                .containsPattern("2\\) expected +: a JSON body for json\\(\\)")
                .doesNotContain("expected status : 202");
        assertThat(error.getMessage().split("--- request ---", -1)).as("the exchange is printed once").hasSize(2);
    }

    @Test
    void expectations_on_live_streams_are_collected_too() {
        try (EventStream events = client.given().queryParam("count", 3).sse("/ticks")) {
            String message = expectFailure(() -> client.softly(() -> {
                events.expectStatus(201);
                events.expectJson("/n", 10);
                events.expectEvent("tick", "{\"n\":2}");
                events.expectJson("/n", 30);
            })).error().getMessage();

            assertThat(message).startsWith("3 expectations failed:")
                    .contains("1) expected status : 201")
                    .contains("2) expected JSON at /n of the next event : 10\n   but was")
                    .contains("3) expected JSON at /n of the next event : 30");
        }
    }

    @Test
    void nested_blocks_report_once_from_the_outer_block() {
        Response r = client.given().get("/json");

        String message = expectFailure(() -> client.softly(() -> {
            r.expectStatus(201);
            client.softly(() -> r.expectStatus(202));
        })).error().getMessage();

        assertThat(message).startsWith("2 expectations failed:");
    }

    @Test
    void softly_needs_a_block() {
        assertThatThrownBy(() -> client.softly(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("softly needs a block of expectations");
    }
}
