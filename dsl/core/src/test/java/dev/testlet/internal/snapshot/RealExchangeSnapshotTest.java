package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.Testlet;
import dev.testlet.TestClient;
import dev.testlet.engine.Exchange;
import dev.testlet.fixtures.TestApps;
import dev.testlet.internal.har.HarEntry;
import dev.testlet.internal.har.HarWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots and HAR files of exchanges from a real app on Jetty, not hand-built ones. */
class RealExchangeSnapshotTest {

    private static final String ID = "[engine:junit-jupiter]/[class:x]/[method:m()]";

    @TempDir
    Path dir;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SnapshotRenderer renderer = new SnapshotRenderer(mapper);

    private Exchange get(String path) {
        try (TestClient client = Testlet.start(TestApps.all())) {
            return client.given().get(path).exchange();
        }
    }

    @Test
    void a_session_response_from_two_separate_apps_matches_one_snapshot_despite_new_session_ids_and_dates() {
        Snapshots snapshots = new Snapshots(SnapshotMode.resolve(null, null), new SnapshotLocator(dir, List.of()), dir,
                mapper);
        Exchange first = get("/session");
        Exchange second = get("/session");
        assertThat(first.headers().first("Set-Cookie")).isNotEqualTo(second.headers().first("Set-Cookie"));

        String note = snapshots.check(new SnapshotInvocation(getClass(), "m", ID), null,
                renderer.response(first, Redactions.defaults()));
        String again = snapshots.check(new SnapshotInvocation(getClass(), "m", ID), null,
                renderer.response(second, Redactions.defaults()));

        assertThat(note).contains("was missing, so it was written");
        assertThat(again).isNull();
        assertThat(snapshots.fileFor(getClass()).read("m")).isEqualTo("""
                GET /session
                200 OK
                Content-Type: application/json
                Expires: Thu, 01 Jan 1970 00:00:00 GMT
                Set-Cookie: JSESSIONID=[redacted]; Path=/

                {
                  "count": 1
                }""");
    }

    @Test
    void a_real_exchange_becomes_a_har_entry_with_its_secrets_masked() {
        Exchange exchange;
        try (TestClient client = Testlet.start(TestApps.all())) {
            exchange = client.given().header("Authorization", "Bearer s3cret").get("/json").exchange();
        }

        JsonNode entry = mapper.readTree(new HarWriter(mapper, "http://localhost:8080")
                .toJson(List.of(HarEntry.of(exchange, Instant.now())))).at("/log/entries/0");

        assertThat(entry.at("/request/url").stringValue()).isEqualTo("http://localhost:8080/json");
        assertThat(entry.at("/request/headers").toString()).contains("\"Bearer ***\"").doesNotContain("s3cret");
        assertThat(entry.at("/response/status").intValue()).isEqualTo(200);
        assertThat(entry.at("/response/content/text").stringValue()).startsWith("{\"id\":3,");
        assertThat(entry.at("/time").doubleValue()).isPositive();
    }
}
