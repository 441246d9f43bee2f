package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compressed bodies are read decoded, as browsers read them; chunked trailers are kept. */
class ContentEncodingTest {

    static final String JSON = "{\"name\":\"Zoë\",\"items\":[1,2,3]}";

    /** ?coding=gzip|deflate|raw-deflate|br|broken|bomb: the JSON document, encoded so. */
    public static class Encoded extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String coding = req.getParameter("coding");
            byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
            resp.setContentType("application/json;charset=utf-8");
            byte[] body = switch (coding) {
                case "gzip" -> gzip(json);
                case "deflate" -> deflate(json, false);
                case "raw-deflate" -> deflate(json, true);
                case "broken" -> java.util.Arrays.copyOf(gzip(json), 12);
                case "bomb" -> gzip(new byte[8 * 1024 * 1024]);
                default -> json;
            };
            resp.setHeader("Content-Encoding", coding.contains("deflate") ? "deflate" : coding.equals("bomb")
                    || coding.equals("broken") ? "gzip" : coding);
            resp.getOutputStream().write(body);
        }
    }

    /** A chunked body with trailers: a checksum sent after it. */
    public static class WithTrailers extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.setHeader("Trailer", "X-Checksum, X-Count");
            resp.setTrailerFields(() -> {
                Map<String, String> trailers = new java.util.LinkedHashMap<>();
                trailers.put("X-Checksum", "sha256=abc");
                trailers.put("X-Count", "2");
                return trailers;
            });
            resp.getWriter().write("one ");
            resp.flushBuffer();
            resp.getWriter().write("two");
        }
    }

    static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] in, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            z.write(in);
        }
        return out.toByteArray();
    }

    static TestClient client;

    @BeforeAll
    static void start() {
        client = Testlet.start(ServletApp.builder().servlet("/encoded", Encoded.class)
                .servlet("/trailers", WithTrailers.class).build());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void a_gzip_body_is_read_and_checked_decoded_and_its_raw_bytes_stay_available() {
        Response r = client.given().queryParam("coding", "gzip").get("/encoded");

        r.expectJson("/name", "Zoë").expectJson("/items/2", 3).expectBodyContains("\"items\"");
        assertThat(r.text()).isEqualTo(JSON);
        assertThat(r.json().get("items").size()).isEqualTo(3);
        assertThat(r.bytes()).isEqualTo(JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rawBytes()).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(r.decodedFrom()).isEqualTo("gzip");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void deflate_is_decoded_whether_zlib_wrapped_or_raw() {
        assertThat(client.given().queryParam("coding", "deflate").get("/encoded").text()).isEqualTo(JSON);
        assertThat(client.given().queryParam("coding", "raw-deflate").get("/encoded").text()).isEqualTo(JSON);
    }

    @Test
    void a_failure_report_shows_the_decoded_body_and_says_it_was_decoded() {
        Response r = client.given().queryParam("coding", "gzip").get("/encoded");

        expectFailure(() -> r.expectJson("/name", "Ann"))
                .mentions("\"name\" : \"Zoë\"")
                .mentions("(decoded from gzip: " + r.rawBytes().length + " bytes on the wire, "
                        + JSON.getBytes(StandardCharsets.UTF_8).length + " decoded; response.rawBytes() has the bytes as received)");
    }

    @Test
    void a_corrupt_body_fails_reads_and_checks_naming_the_coding() {
        Response r = client.given().queryParam("coding", "broken").get("/encoded");

        expectFailure(r::text)
                .hasFact("expected", "a body text() can read")
                .hasFactContaining("but", "the body is not valid gzip although its Content-Encoding is gzip: ")
                .hasFactContaining("but", "; to see the bytes as received: response.rawBytes()");
        expectFailure(() -> r.expectJson("/name", "Zoë"))
                .hasFactContaining("but", "the body is not valid gzip");
        assertThat(r.rawBytes()).hasSize(12);
    }

    @Test
    void a_body_that_inflates_past_the_limit_is_refused_not_held() {
        TestClient small = client.withLimits(client.limits().withMaxBodyBytes(1024 * 1024));
        Response r = small.given().queryParam("coding", "bomb").get("/encoded");

        expectFailure(r::bytes)
                .hasFactContaining("but", "the body decoded from gzip is more than 1 MiB (1,048,576 bytes) (the client's"
                        + " limit on a body read whole; a " + String.format("%,d", r.rawBytes().length)
                        + "-byte body that inflates this far may be a zip bomb)");
    }

    @Test
    void an_unknown_coding_is_left_as_is_and_reading_it_says_so() {
        Response r = client.given().queryParam("coding", "br").get("/encoded");

        assertThat(r.rawBytes()).isEqualTo(JSON.getBytes(StandardCharsets.UTF_8));
        expectFailure(r::text).hasFact("but", "the body's Content-Encoding br is not one Testlet decodes (gzip, deflate);"
                + " text(), json() and expectations see the encoded bytes");
    }

    @Test
    void chunked_trailers_are_kept() {
        Response r = client.given().get("/trailers").expectBody("one two");

        assertThat(r.trailer("X-Checksum")).isEqualTo("sha256=abc");
        assertThat(r.trailer("x-count")).isEqualTo("2");
        assertThat(r.trailer("X-Missing")).isNull();
        assertThat(r.trailers().names()).containsExactlyInAnyOrder("X-Checksum", "X-Count");
        assertThat(r.toString()).contains("one two\n--- trailers ---\nX-Checksum: sha256=abc\nX-Count: 2\n");
    }

    @Test
    void a_response_without_trailers_has_none() {
        Response r = client.given().queryParam("coding", "identity").get("/encoded");

        assertThat(r.trailers().size()).isZero();
        assertThat(r.trailer("X-Checksum")).isNull();
        assertThat(r.decodedFrom()).isNull();
    }
}
