package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.fixtures.BigBodies;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies four times bigger than the heap, in and out, in bounded memory. Run by its own Surefire
 * execution with {@code -Xmx64m} (see this module's pom); under the default heap it proves less.
 */
class SmallHeapTest {

    static final long MIB = 1024 * 1024;

    /** Four times the 64 MiB heap the small-heap execution gives this class. */
    static final long BIG = 256 * MIB;

    static TestClient client;

    @BeforeAll
    static void start() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < BIG / 2,
                "runs in the small-heap execution (-Xmx64m)");
        client = Testlet.start(BigBodies.app());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void stream_downloads_a_body_bigger_than_the_heap() {
        long read = 0;
        CRC32 crc = new CRC32();
        try (StreamingResponse s = client.given().queryParam("size", BIG).queryParam("chunked", true)
                .timeout(java.time.Duration.ofSeconds(60)).stream("GET", "/download")) {
            while (read < BIG) {
                byte[] chunk = s.nextBytes();
                crc.update(chunk);
                read += chunk.length;
            }
        }
        assertThat(read).isEqualTo(BIG);
        assertThat(crc.getValue()).isEqualTo(BigBodies.crcOf(BIG));
    }

    @Test
    void a_file_bigger_than_the_heap_is_uploaded(@TempDir Path dir) throws Exception {
        Path file = BigBodies.file(dir, BIG);

        client.given().timeout(java.time.Duration.ofSeconds(60)).body(file, "application/octet-stream").post("/upload")
                .expectStatus(200).expectJson("/bytes", BIG).expectJson("/crc", BigBodies.crcOf(BIG));
    }

    @Test
    void a_body_bigger_than_the_heap_read_whole_fails_at_the_limit_not_with_an_out_of_memory_error() {
        TestClient small = client.withLimits(client.limits().withMaxBodyBytes((int) (8 * MIB)));

        expectFailure(() -> small.given().queryParam("size", BIG).queryParam("chunked", true).get("/download"))
                .hasFactContaining("but", "it is more than that: the body is chunked");
        expectFailure(() -> client.given().queryParam("size", BIG).get("/download"))
                .hasFact("but", "its Content-Length is 256 MiB (268,435,456 bytes)");
        client.given().queryParam("size", 10).get("/download").expectStatus(200);
    }
}
