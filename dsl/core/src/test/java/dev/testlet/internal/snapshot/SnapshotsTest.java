package dev.testlet.internal.snapshot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.snapshot.RecordedMessage.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.json.JsonMapper;

class SnapshotsTest {

    private static final String ID = "[engine:junit-jupiter]/[class:x.SnapshotsTest]/[method:creates()]";

    @TempDir
    Path dir;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SnapshotRenderer renderer = new SnapshotRenderer(mapper);

    private Snapshots snapshots(String property, String ci) {
        return new Snapshots(SnapshotMode.resolve(property, ci), new SnapshotLocator(dir.resolve("snaps"), List.of()),
                dir, mapper);
    }

    private SnapshotInvocation invocation() {
        return new SnapshotInvocation(SnapshotsTest.class, "creates", ID);
    }

    private Rendering response(int status, String reason, String json, String... headers) {
        Headers h = Headers.of(headers).with("Content-Type", "application/json");
        return renderer.response(new Exchange(RequestPlan.of("POST", "/items"), status, reason, h, json.getBytes(UTF_8),
                Duration.ZERO, null, List.of()), Redactions.defaults());
    }

    @Test
    void a_missing_snapshot_is_written_with_a_note_and_then_matches() throws Exception {
        Snapshots snapshots = snapshots(null, null);
        Rendering actual = response(201, "Created", "{\"id\":3}");

        String note = snapshots.check(invocation(), null, actual);

        assertThat(note).isEqualTo("snapshot \"creates\" was missing, so it was written to"
                + " snaps/dev/testlet/internal/snapshot/SnapshotsTest.snap; review it and commit the file");
        assertThat(Files.readString(dir.resolve("snaps/dev/testlet/internal/snapshot/SnapshotsTest.snap")))
                .contains("═══ creates\nPOST /items\n201 Created\nContent-Type: application/json\n\n{\n  \"id\": 3\n}\n");
        assertThat(snapshots(null, null).check(invocation(), null, actual)).isNull();
        assertThat(snapshots.fileFor(SnapshotsTest.class)).isSameAs(snapshots.fileFor(SnapshotsTest.class));
    }

    @Test
    void a_mismatch_fails_with_a_field_level_summary_and_the_whole_texts_for_a_diff() {
        snapshots(null, null).check(invocation(), null,
                response(201, "Created", "{\"id\":3,\"price\":1.5,\"total\":3}", "Location", "/items/3", "ETag", "a"));
        Rendering changed = response(200, "OK", "{\"id\":3,\"price\":2,\"tags\":[]}", "Location", "/items/4", "X-Trace", "1");

        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> snapshots(null, null).check(invocation(), null, changed));

        assertThat(error.getMessage()).isEqualTo("""
                snapshot differs : creates (a response)
                in               : snaps/dev/testlet/internal/snapshot/SnapshotsTest.snap
                status           : 201 Created -> 200 OK
                headers          : removed ETag: a
                                   changed Location: /items/3 -> /items/4
                                   added   X-Trace: 1
                body             : changed /price: 1.5 -> 2
                                   added   /tags: []
                                   removed /total: 3
                to accept it     : run the test again with -Dtestlet.snapshots=update, then review the file's diff\
                 before committing""");
        assertThat(error.getExpected().getStringRepresentation()).startsWith("POST /items\n201 Created\n");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo(changed.text());
    }

    @Test
    void a_text_body_mismatch_names_the_first_differing_line() {
        Rendering before = renderer.response(new Exchange(RequestPlan.of("GET", "/t"), 200, "OK",
                Headers.of("Content-Type", "text/plain"), "one\ntwo\nthree".getBytes(UTF_8), Duration.ZERO, null,
                List.of()), Redactions.none());
        Rendering after = renderer.response(new Exchange(RequestPlan.of("GET", "/t"), 200, "OK",
                Headers.of("Content-Type", "text/plain"), "one\n2\nthree".getBytes(UTF_8), Duration.ZERO, null,
                List.of()), Redactions.none());
        snapshots(null, null).check(invocation(), null, before);

        assertThatThrownBy(() -> snapshots(null, null).check(invocation(), null, after))
                .hasMessageContaining("\nbody             : line 2: \"two\" -> \"2\"\n");
    }

    @Test
    void update_mode_rewrites_a_differing_snapshot_and_says_so() throws Exception {
        snapshots(null, null).check(invocation(), null, response(201, "Created", "{\"id\":3}"));
        Rendering changed = response(201, "Created", "{\"id\":4}");

        String note = snapshots("update", "true").check(invocation(), null, changed);

        assertThat(note).isEqualTo("snapshot \"creates\" differed, so it was updated in"
                + " snaps/dev/testlet/internal/snapshot/SnapshotsTest.snap (-Dtestlet.snapshots=update is set); review"
                + " the file's diff before committing");
        assertThat(snapshots(null, null).check(invocation(), null, changed)).isNull();
    }

    @Test
    void on_ci_a_missing_snapshot_fails_and_says_how_to_create_it_and_nothing_is_written() {
        Rendering actual = response(201, "Created", "{\"id\":3}");

        assertThatThrownBy(() -> snapshots(null, "true").check(invocation(), "after", actual))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("""
                        snapshot        : creates/after (a response)
                        is missing from : snaps/dev/testlet/internal/snapshot/SnapshotsTest.snap
                        because         : the CI environment variable is set ("true"), and on CI missing snapshots\
                         fail instead of being written
                        to create it    : run the test locally (without CI set) and commit the file it writes, or run\
                         with -Dtestlet.snapshots=update

                        --- the response (not written) ---
                        POST /items
                        201 Created
                        Content-Type: application/json

                        {
                          "id": 3
                        }""");
        assertThat(dir.resolve("snaps")).doesNotExist();
    }

    @Test
    void event_stream_mismatches_are_summarised_per_event() {
        List<RecordedEvent> before = List.of(new RecordedEvent("message", "{\"n\":1}", "1", null),
                new RecordedEvent("tick", "a", null, null));
        List<RecordedEvent> after = List.of(new RecordedEvent("message", "{\"n\":2}", "1", null),
                new RecordedEvent("tock", "a", null, null), new RecordedEvent("extra", "x", null, null));
        snapshots(null, null).check(invocation(), null, renderer.events(before, Redactions.none()));

        assertThatThrownBy(() -> snapshots(null, null).check(invocation(), null, renderer.events(after, Redactions.none())))
                .hasMessage("""
                        snapshot differs : creates (an event stream)
                        in               : snaps/dev/testlet/internal/snapshot/SnapshotsTest.snap
                        events           : 3, expected 2
                        differences      : #1 changed /n: 1 -> 2
                                           #2 event=tick -> event=tock
                                           #3 added: event=extra
                        to accept it     : run the test again with -Dtestlet.snapshots=update, then review the file's\
                         diff before committing""");
    }

    @Test
    void conversation_mismatches_name_the_message_and_the_first_differing_line() {
        Instant t = Instant.EPOCH;
        List<RecordedMessage> before = List.of(RecordedMessage.text(Direction.SENT, "hello", t),
                RecordedMessage.text(Direction.RECEIVED, "Echo: hello", t));
        List<RecordedMessage> after = List.of(RecordedMessage.text(Direction.SENT, "hello", t),
                RecordedMessage.text(Direction.RECEIVED, "Echo: HELLO", t));
        snapshots(null, null).check(invocation(), null, renderer.transcript(before, Redactions.none()));

        assertThatThrownBy(() -> snapshots(null, null).check(invocation(), null,
                renderer.transcript(after, Redactions.none())))
                .hasMessageContaining("\ndifferences      : #2 line 1: \"Echo: hello\" -> \"Echo: HELLO\"\n");
    }

    @Test
    void several_snapshots_of_one_test_each_get_their_own_entry() {
        Snapshots snapshots = snapshots(null, null);
        SnapshotInvocation inv = invocation();
        snapshots.check(inv, null, response(201, "Created", "{\"id\":1}"));
        snapshots.check(inv, null, response(201, "Created", "{\"id\":2}"));
        snapshots.check(inv, "after update", response(200, "OK", "{\"id\":2}"));

        assertThat(snapshots.fileFor(SnapshotsTest.class).names())
                .containsExactly("creates", "creates/2", "creates/after update");
    }

    @Test
    void a_difference_the_summary_cannot_place_is_shown_as_the_first_differing_line() {
        Rendering a = new Rendering(Rendering.Kind.RESPONSE, "GET /\n200 OK\nX: 1");
        Rendering b = new Rendering(Rendering.Kind.RESPONSE, "GET /\n200 OK\nX: 1\n");
        snapshots(null, null).check(invocation(), null, a);

        assertThatThrownBy(() -> snapshots(null, null).check(invocation(), null, b))
                .hasMessageContaining("\ndifference       : line 4: (end) -> \"\"\n");
    }
}
