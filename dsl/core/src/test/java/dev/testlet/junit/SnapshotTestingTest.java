package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.testlet.EventStream;
import dev.testlet.TestClient;
import dev.testlet.Testlet;
import dev.testlet.WebSocketSession;
import dev.testlet.engine.ServletApp;
import dev.testlet.fixtures.StreamingApps;
import dev.testlet.fixtures.TestApps;
import dev.testlet.fixtures.WebSocketEndpoints;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Snapshots through the JUnit extension, as a user takes them: write, match, differ, go missing. */
class SnapshotTestingTest {

    /** What the item endpoint answers; a run changes it to show a snapshot that differs. */
    static volatile String itemName = "pen";

    /** A created item with a generated id and timestamp, which the snapshot must redact. */
    public static class Items extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String id = UUID.randomUUID().toString();
            resp.setStatus(201);
            resp.setHeader("Location", "/items/" + id);
            resp.setContentType("application/json");
            resp.getWriter().write("{\"id\":\"" + id + "\",\"createdAt\":\"" + Instant.now() + "\",\"name\":\""
                    + itemName + "\",\"price\":1.50,\"tags\":[\"b\",\"a\"]}");
        }
    }

    static ServletApp app() {
        return TestApps.builder()
                .servlet("/items", Items.class)
                .servlet("/ticks", new StreamingApps.SseTicker(new LinkedBlockingQueue<>()))
                .websocket(WebSocketEndpoints.Echo.class)
                .build();
    }

    static class TakesSnapshots {
        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(app())
                .withClient(c -> c.withRedactedJson("/createdAt")
                        .withRedactedText("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[item-#]"));

        @Test
        void a_created_item(TestClient client) {
            client.given().post("/items").expectStatus(201).expectSnapshot();
        }

        @Test
        void an_event_stream_and_a_conversation(TestClient client) {
            try (EventStream events = client.given().sse("/ticks?count=2")) {
                events.take(2);
                events.expectSnapshot("two ticks");
            }
            try (WebSocketSession ws = client.given().websocket("/ws/echo")) {
                ws.sendText("hello").expectText("Echo: hello");
                ws.expectSnapshot("echo");
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void the_first_run_writes_readable_snapshots_with_volatile_parts_redacted_and_the_next_run_matches() throws IOException {
        itemName = "pen";
        run("update").assertStatistics(s -> s.succeeded(2).failed(0));

        Path file = dir.resolve("dev/testlet/junit/SnapshotTestingTest.TakesSnapshots.snap");
        String text = Files.readString(file);
        assertThat(text)
                .contains("a_created_item")
                .contains("201 Created")
                .contains("Location: /items/[item-1]")
                .contains("\"id\": \"[item-1]\"")
                .contains("\"createdAt\": \"[redacted string]\"")
                .contains("\"price\": 1.5")
                .contains("═══ an_event_stream_and_a_conversation/two ticks\n#1 event=tick id=1")
                .contains("═══ an_event_stream_and_a_conversation/echo\n#1 -> text\n  hello\n#2 <- text\n  Echo: hello")
                .doesNotContain("Date:");

        run("verify").assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(Files.readString(file)).as("verifying does not rewrite").isEqualTo(text);
    }

    @Test
    void a_changed_response_fails_listing_what_changed_with_both_versions_for_the_ides_diff() {
        itemName = "pen";
        run("update").assertStatistics(s -> s.succeeded(2));
        itemName = "pencil";
        try {
            Events events = run("verify");

            events.assertStatistics(s -> s.succeeded(1).failed(1));
            Throwable failure = events.failed().stream().findFirst().orElseThrow()
                    .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
            assertThat(failure).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("snapshot differs")
                    .hasMessageContaining("/name")
                    .hasMessageContaining("\"pen\"")
                    .hasMessageContaining("\"pencil\"")
                    .hasMessageContaining("-Dtestlet.snapshots=update");
            AssertionFailedError diff = (AssertionFailedError) failure;
            assertThat(diff.getExpected().getStringRepresentation()).contains("\"name\": \"pen\"");
            assertThat(diff.getActual().getStringRepresentation()).contains("\"name\": \"pencil\"");
        } finally {
            itemName = "pen";
        }
    }

    @Test
    void a_missing_snapshot_fails_when_the_run_verifies_saying_how_to_create_it() {
        Events events = run("verify");

        events.assertStatistics(s -> s.succeeded(0).failed(2));
        assertThat(events.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageContaining("is missing from")
                .hasMessageContaining("to create it");
    }

    @Test
    void a_snapshot_outside_a_test_with_the_extension_says_what_it_needs() {
        try (TestClient client = Testlet.start(app())) {
            assertThatThrownBy(() -> client.given().post("/items").expectSnapshot())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("response.expectSnapshot() needs the test it runs in");
        }
    }

    private Events run(String mode) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("testlet.snapshots", mode)
                .configurationParameter("testlet.snapshots.dir", dir.toString())
                .selectors(selectClass(TakesSnapshots.class))
                .execute()
                .testEvents();
    }
}
