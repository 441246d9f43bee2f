package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.BigBodies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies bigger than a connection's buffer, bigger than the body limit, and uploads from files. */
class BigBodyTest {

    static final int MIB = 1024 * 1024;

    static TestClient client;

    @BeforeAll
    static void start() {
        client = Testlet.start(BigBodies.app());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void a_body_bigger_than_the_connections_buffer_arrives_whole_and_the_handler_runs_on_the_test_thread() {
        Response r = client.given().queryParam("size", 5 * MIB).get("/download").expectStatus(200);

        assertThat(r.bytes()).hasSize(5 * MIB);
        assertThat(crc(r.bytes())).isEqualTo(BigBodies.crcOf(5 * MIB));
        assertThat(r.header("X-Thread")).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void a_chunked_body_bigger_than_the_buffer_arrives_whole() {
        Response r = client.given().queryParam("size", 3 * MIB).queryParam("chunked", true).get("/download");

        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(crc(r.bytes())).isEqualTo(BigBodies.crcOf(3 * MIB));
    }

    @Test
    void a_body_over_the_limit_fails_with_its_size_the_limit_and_how_to_raise_it_or_stream_it() {
        TestClient small = client.withLimits(client.limits().withMaxBodyBytes(MIB));

        expectFailure(() -> small.given().queryParam("size", 3 * MIB).get("/download"))
                .hasFact("expected", "a response body of at most 1 MiB (1,048,576 bytes) (the client's limit on a body read whole)")
                .hasFact("but", "its Content-Length is 3 MiB (3,145,728 bytes)")
                .hasFact("to read it whole", "client.withLimits(client.limits().withMaxBodyBytes(3 * 1024 * 1024))")
                .hasFact("to read it as it comes", "client.given().stream(\"GET\", \"/download?size=3145728\"): any size,"
                        + " in bounded memory")
                .mentions("200 OK")
                .mentions("(incomplete: the body was not kept: it is over the limit of 1048576 bytes)");
    }

    @Test
    void a_chunked_body_over_the_limit_fails_saying_it_is_more_than_the_limit() {
        TestClient small = client.withLimits(client.limits().withMaxBodyBytes(MIB));

        expectFailure(() -> small.given().queryParam("size", 20 * MIB).queryParam("chunked", true).get("/download"))
                .hasFactContaining("but", "it is more than that: the body is chunked, and ")
                .hasFactContaining("but", " bytes had come when Testlet stopped reading")
                .hasFact("to read it whole", "client.withLimits(client.limits().withMaxBodyBytes(4 * 1024 * 1024))");
    }

    @Test
    void after_a_body_over_the_limit_the_app_answers_the_next_request() {
        TestClient small = client.withLimits(client.limits().withMaxBodyBytes(MIB));
        expectFailure(() -> small.given().queryParam("size", 8 * MIB).queryParam("chunked", true).get("/download"));

        small.given().queryParam("size", 1000).get("/download").expectStatus(200);
    }

    @Test
    void stream_reads_a_body_over_the_limit() {
        TestClient small = client.withLimits(client.limits().withMaxBodyBytes(MIB));
        long read = 0;
        CRC32 crc = new CRC32();
        try (StreamingResponse s = small.given().queryParam("size", 6 * MIB).stream("GET", "/download")) {
            while (read < 6 * MIB) {
                byte[] chunk = s.nextBytes();
                crc.update(chunk);
                read += chunk.length;
            }
        }
        assertThat(read).isEqualTo(6 * MIB);
        assertThat(crc.getValue()).isEqualTo(BigBodies.crcOf(6 * MIB));
    }

    @Test
    void a_file_is_uploaded_whole_on_the_test_thread(@TempDir Path dir) throws Exception {
        Path file = BigBodies.file(dir, 5 * MIB + 17);

        Response r = client.given().body(file, "application/octet-stream").post("/upload").expectStatus(200);

        r.expectJson("/bytes", 5 * MIB + 17).expectJson("/crc", BigBodies.crcOf(5 * MIB + 17))
                .expectJson("/thread", Thread.currentThread().getName());
        assertThat(r.exchange().request().headers().first("Content-Length")).isEqualTo(Long.toString(5 * MIB + 17));
    }

    @Test
    void a_file_is_uploaded_whole_to_an_app_that_reads_it_asynchronously(@TempDir Path dir) throws Exception {
        Path file = BigBodies.file(dir, 3 * MIB + 5);

        client.given().body(file, "application/octet-stream").post("/upload-async")
                .expectStatus(200).expectJson("/bytes", 3 * MIB + 5).expectJson("/crc", BigBodies.crcOf(3 * MIB + 5));
    }

    @Test
    void a_file_is_uploaded_whole_over_a_socket(@TempDir Path dir) throws Exception {
        Path file = BigBodies.file(dir, 2 * MIB + 3);
        try (TestClient served = Testlet.serve(BigBodies.app())) {
            served.given().body(file, "application/octet-stream").post("/upload")
                    .expectStatus(200).expectJson("/bytes", 2 * MIB + 3).expectJson("/crc", BigBodies.crcOf(2 * MIB + 3));
            Response r = served.given().queryParam("size", 3 * MIB).get("/download");
            assertThat(crc(r.bytes())).isEqualTo(BigBodies.crcOf(3 * MIB));
        }
    }

    @Test
    void a_file_the_app_never_reads_does_not_hold_up_the_answer_or_the_next_request(@TempDir Path dir) throws Exception {
        Path file = BigBodies.file(dir, 20 * MIB);

        client.given().body(file, "application/octet-stream").post("/download").expectStatus(405);
        client.given().queryParam("size", 10).get("/download").expectStatus(200);
    }

    @Test
    void a_file_is_uploaded_by_a_stream_request(@TempDir Path dir) throws Exception {
        Path file = BigBodies.file(dir, 2 * MIB + 1);

        try (StreamingResponse s = client.given().body(file, "application/octet-stream").stream("POST", "/upload")) {
            s.expectStatus(200);
            assertThat(s.remainingText()).contains("\"bytes\":" + (2 * MIB + 1) + ",\"crc\":" + BigBodies.crcOf(2 * MIB + 1));
        }
    }

    @Test
    void a_missing_body_file_is_refused_naming_it(@TempDir Path dir) {
        Path missing = dir.resolve("missing.bin");

        assertThatThrownBy(() -> client.given().body(missing, "application/octet-stream"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the body file " + missing.toAbsolutePath() + " does not exist; pass the Path of a file to send");
        assertThatThrownBy(() -> client.given().body(dir, "application/octet-stream"))
                .hasMessage("the body file " + dir.toAbsolutePath() + " is a directory; pass the Path of a file to send");
    }

    @Test
    void a_plan_with_a_body_file_prints_it_and_replays_it_with_curl(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "hello");

        var plan = client.given().body(file, "text/plain").plan("PUT", "/upload");

        assertThat(plan.bodyFile()).isEqualTo(file);
        assertThat(plan.toCurl("http://localhost:8080")).isEqualTo("curl -X PUT 'http://localhost:8080/upload'"
                + " -H 'Content-Type: text/plain' --data-binary '@" + file + "'");
        assertThat(plan.toString()).contains("(the body is the file " + file + ", streamed from disk)");
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
