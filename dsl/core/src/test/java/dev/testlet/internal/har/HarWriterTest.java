package dev.testlet.internal.har;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.internal.snapshot.RecordedMessage;
import dev.testlet.internal.snapshot.RecordedMessage.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HarWriterTest {

    private static final Instant T = Instant.parse("2030-01-02T03:04:05.678901Z");

    @TempDir
    Path dir;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final HarWriter har = new HarWriter(mapper, "http://localhost:8080/");

    private static Exchange post() {
        RequestPlan plan = RequestPlan.of("POST", "/items?page=2&q=a%20b&flag")
                .withHeader("Authorization", "Bearer s3cret")
                .withHeader("Cookie", "JSESSIONID=abc; theme=dark")
                .withHeader("X-Api-Key", "k")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"pen\"}".getBytes(UTF_8));
        Headers response = Headers.of("Content-Type", "application/json", "Location", "/items/3",
                "Set-Cookie", "JSESSIONID=node0x; Path=/; HttpOnly; Secure",
                "Set-Cookie", "gone=; Expires=Thu, 01-Jan-1970 00:00:00 GMT; Max-Age=0");
        return new Exchange(plan, 201, "Created", response, "{\"id\":3}".getBytes(UTF_8), Duration.ofMillis(12), null,
                List.of());
    }

    private JsonNode parse(String text) {
        return mapper.readTree(text);
    }

    @Test
    void writes_the_required_har_fields_for_a_finished_exchange() {
        JsonNode root = parse(har.toJson(List.of(HarEntry.of(post(), T))));

        assertThat(root.at("/log/version").stringValue()).isEqualTo("1.2");
        assertThat(root.at("/log/creator/name").stringValue()).isEqualTo("Testlet");
        assertThat(root.at("/log/creator/version").isString()).isTrue();
        JsonNode e = root.at("/log/entries/0");
        assertThat(e.at("/startedDateTime").stringValue()).isEqualTo("2030-01-02T03:04:05.666Z");
        assertThat(e.at("/time").doubleValue()).isEqualTo(12.0);
        assertThat(e.at("/cache").isObject()).isTrue();
        assertThat(e.at("/timings/send").intValue()).isZero();
        assertThat(e.at("/timings/wait").doubleValue()).isEqualTo(12.0);
        assertThat(e.at("/timings/receive").intValue()).isZero();

        JsonNode request = e.at("/request");
        assertThat(request.at("/method").stringValue()).isEqualTo("POST");
        assertThat(request.at("/url").stringValue()).isEqualTo("http://localhost:8080/items?page=2&q=a%20b&flag");
        assertThat(request.at("/httpVersion").stringValue()).isEqualTo("HTTP/1.1");
        assertThat(request.at("/queryString").toString())
                .isEqualTo("[{\"name\":\"page\",\"value\":\"2\"},{\"name\":\"q\",\"value\":\"a b\"},{\"name\":\"flag\",\"value\":\"\"}]");
        assertThat(request.at("/postData/mimeType").stringValue()).isEqualTo("application/json");
        assertThat(request.at("/postData/text").stringValue()).isEqualTo("{\"name\":\"pen\"}");
        assertThat(request.at("/headersSize").intValue()).isEqualTo(-1);
        assertThat(request.at("/bodySize").intValue()).isEqualTo(14);

        JsonNode response = e.at("/response");
        assertThat(response.at("/status").intValue()).isEqualTo(201);
        assertThat(response.at("/statusText").stringValue()).isEqualTo("Created");
        assertThat(response.at("/httpVersion").stringValue()).isEqualTo("HTTP/1.1");
        assertThat(response.at("/content/size").intValue()).isEqualTo(8);
        assertThat(response.at("/content/mimeType").stringValue()).isEqualTo("application/json");
        assertThat(response.at("/content/text").stringValue()).isEqualTo("{\"id\":3}");
        assertThat(response.at("/content/encoding").isMissingNode()).isTrue();
        assertThat(response.at("/redirectURL").stringValue()).isEqualTo("/items/3");
        assertThat(response.at("/headersSize").intValue()).isEqualTo(-1);
        assertThat(response.at("/bodySize").intValue()).isEqualTo(8);
    }

    @Test
    void masks_secrets_in_headers_and_cookie_lists_as_the_failure_report_does() {
        String text = har.toJson(List.of(HarEntry.of(post(), T)));
        JsonNode e = parse(text).at("/log/entries/0");

        assertThat(text).doesNotContain("s3cret").doesNotContain("abc").doesNotContain("node0x").doesNotContain("\"k\"");
        assertThat(e.at("/request/headers").toString()).contains(
                "{\"name\":\"Authorization\",\"value\":\"Bearer ***\"}",
                "{\"name\":\"Cookie\",\"value\":\"JSESSIONID=***; theme=dark\"}",
                "{\"name\":\"X-Api-Key\",\"value\":\"***\"}");
        assertThat(e.at("/request/cookies").toString())
                .isEqualTo("[{\"name\":\"JSESSIONID\",\"value\":\"***\"},{\"name\":\"theme\",\"value\":\"dark\"}]");
        assertThat(e.at("/response/headers").toString())
                .contains("{\"name\":\"Set-Cookie\",\"value\":\"JSESSIONID=***; Path=/; HttpOnly; Secure\"}");
        assertThat(e.at("/response/cookies").toString()).isEqualTo("[{\"name\":\"JSESSIONID\",\"value\":\"***\","
                + "\"path\":\"/\",\"httpOnly\":true,\"secure\":true},{\"name\":\"gone\",\"value\":\"\","
                + "\"expires\":\"1970-01-01T00:00:00.000Z\"}]");
    }

    @Test
    void binary_bodies_are_base64_and_long_bodies_are_cut_with_their_full_size_kept() {
        byte[] png = new byte[300];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) i;
        }
        Exchange image = new Exchange(RequestPlan.of("GET", "/img"), 200, "OK", Headers.of("Content-Type", "image/png"),
                png, Duration.ofMillis(1), null, List.of());
        Exchange text = new Exchange(RequestPlan.of("GET", "/log"), 200, "OK", Headers.of("Content-Type", "text/plain"),
                "x".repeat(500).getBytes(UTF_8), Duration.ofMillis(1), null, List.of());
        HarWriter small = new HarWriter(mapper, "http://localhost", 100);

        JsonNode entries = parse(small.toJson(List.of(HarEntry.of(image, T), HarEntry.of(text, T)))).at("/log/entries");

        assertThat(entries.at("/0/response/content/encoding").stringValue()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(entries.at("/0/response/content/text").stringValue())).hasSize(100)
                .startsWith(0, 1, 2);
        assertThat(entries.at("/0/response/content/size").intValue()).isEqualTo(300);
        assertThat(entries.at("/0/response/content/comment").stringValue()).isEqualTo("cut to the first 100 of 300 bytes");
        assertThat(entries.at("/1/response/content/text").stringValue()).hasSize(100);
        assertThat(entries.at("/1/response/content/comment").stringValue()).isEqualTo("text cut to its first 100 characters");
        assertThat(entries.at("/1/response/content/size").intValue()).isEqualTo(500);
    }

    @Test
    void a_stream_is_an_entry_with_the_body_read_so_far_and_a_comment() {
        HarEntry stream = HarEntry.streamed(T, RequestPlan.of("GET", "/events"), 200, "OK",
                Headers.of("Content-Type", "text/event-stream"), "data: 1\n\n".getBytes(UTF_8), Duration.ofMillis(40));

        JsonNode e = parse(har.toJson(List.of(stream))).at("/log/entries/0");

        assertThat(e.at("/response/content/text").stringValue()).isEqualTo("data: 1\n\n");
        assertThat(e.at("/comment").stringValue())
                .isEqualTo("a stream: the body is what the test had read when the file was written");
        assertThat(stream.complete()).isFalse();
    }

    @Test
    void a_websocket_session_carries_chromes_websocket_messages() {
        List<RecordedMessage> messages = List.of(
                RecordedMessage.text(Direction.SENT, "hello", Instant.ofEpochSecond(1_900_000_000, 500_000_000)),
                RecordedMessage.binary(Direction.RECEIVED, new byte[] {1, 2, 3}, Instant.ofEpochSecond(1_900_000_001)),
                RecordedMessage.control(Direction.SENT, RecordedMessage.Kind.PING, new byte[0], Instant.ofEpochSecond(1_900_000_002)),
                RecordedMessage.close(Direction.RECEIVED, 1000, "bye", Instant.ofEpochSecond(1_900_000_003)));
        RequestPlan handshake = RequestPlan.of("GET", "/ws/echo").withHeader("Upgrade", "websocket")
                .withHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");

        JsonNode e = parse(har.toJson(List.of(HarEntry.webSocket(T, handshake, 101, "Switching Protocols",
                Headers.of("Upgrade", "websocket"), messages, Duration.ofSeconds(3))))).at("/log/entries/0");

        assertThat(e.at("/request/url").stringValue()).isEqualTo("ws://localhost:8080/ws/echo");
        assertThat(e.at("/response/status").intValue()).isEqualTo(101);
        assertThat(e.at("/_resourceType").stringValue()).isEqualTo("websocket");
        assertThat(e.at("/_webSocketMessages").toString()).isEqualTo("["
                + "{\"type\":\"send\",\"time\":1.9000000005E9,\"opcode\":1,\"data\":\"hello\"},"
                + "{\"type\":\"receive\",\"time\":1.900000001E9,\"opcode\":2,\"data\":\"AQID\"},"
                + "{\"type\":\"send\",\"time\":1.900000002E9,\"opcode\":9,\"data\":\"\"},"
                + "{\"type\":\"receive\",\"time\":1.900000003E9,\"opcode\":8,\"data\":\"1000 bye\"}]");
        assertThat(new HarWriter(mapper, "https://example.org").toHar(List.of(HarEntry.webSocket(T, handshake, 101, "",
                Headers.empty(), List.of(), Duration.ZERO))).at("/log/entries/0/request/url").stringValue())
                .isEqualTo("wss://example.org/ws/echo");
    }

    @Test
    void a_server_exception_becomes_the_comment_and_form_bodies_get_params() {
        RequestPlan form = RequestPlan.of("POST", "/login").withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("user=ann&note=a+b%21".getBytes(UTF_8));
        Exchange failed = new Exchange(form, 500, "Server Error", Headers.empty(), new byte[0], Duration.ofMillis(2),
                new IllegalStateException("boom"), List.of());

        JsonNode e = parse(har.toJson(List.of(HarEntry.of(failed, T)))).at("/log/entries/0");

        assertThat(e.at("/comment").stringValue()).isEqualTo("the app threw java.lang.IllegalStateException: boom");
        assertThat(e.at("/request/postData/params").toString())
                .isEqualTo("[{\"name\":\"user\",\"value\":\"ann\"},{\"name\":\"note\",\"value\":\"a b!\"}]");
        assertThat(e.at("/response/content/mimeType").stringValue()).isEqualTo("x-unknown");
        assertThat(e.at("/response/content/text").isMissingNode()).isTrue();
    }

    @Test
    void writes_the_file_atomically_where_asked_and_names_it_after_the_test() throws Exception {
        Path file = HarWriter.fileFor(dir, HarWriterTest.class, "lists items[2]");
        assertThat(file).isEqualTo(dir.resolve("dev.testlet.internal.har.HarWriterTest/lists_items_2_.har"));

        har.write(file, List.of(HarEntry.of(post(), T)));

        assertThat(parse(Files.readString(file)).at("/log/entries").size()).isEqualTo(1);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lists_items_2_.har");
        }
    }

    @Test
    void rejects_an_origin_that_is_not_http() {
        assertThatThrownBy(() -> new HarWriter(mapper, "localhost:8080"))
                .hasMessage("the origin must start with http:// or https://, as in \"http://localhost:8080\", but was"
                        + " 'localhost:8080'");
    }

    /** Writes every kind of entry to target/har-sample/sample.har, for checking with outside HAR tools. */
    @Test
    void writes_a_sample_with_every_kind_of_entry() {
        List<HarEntry> all = new ArrayList<>();
        all.add(HarEntry.of(post(), T));
        all.add(HarEntry.streamed(T, RequestPlan.of("GET", "/events"), 200, "OK",
                Headers.of("Content-Type", "text/event-stream"), "data: 1\n\n".getBytes(UTF_8), Duration.ofMillis(40)));
        all.add(HarEntry.webSocket(T, RequestPlan.of("GET", "/ws"), 101, "Switching Protocols", Headers.empty(),
                List.of(RecordedMessage.text(Direction.SENT, "hi", T)), Duration.ofMillis(5)));
        all.add(HarEntry.of(new Exchange(RequestPlan.of("GET", "/img"), 200, "OK", Headers.of("Content-Type", "image/png"),
                new byte[] {(byte) 0x89, 'P'}, Duration.ofMillis(1), null, List.of()), T));

        Path file = har.write(Path.of("target", "har-sample", "sample.har"), all);

        assertThat(parse(har.toJson(all)).at("/log/entries").size()).isEqualTo(4);
        assertThat(file).exists();
    }
}
