package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.RequestPlan;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Generated inputs for the parsers and codecs that read what a server (or a test) writes: thousands
 * of inputs each, shrunk to the smallest failing one, and no exception but the documented ones.
 */
class GeneratedInputsTest {

    private static final int TRIES = 3_000;

    // ---------------------------------------------------------------- SSE parser

    @Property(tries = TRIES)
    void any_bytes_parse_to_events_or_a_limit_failure_and_the_chunking_does_not_matter(
            @ForAll("eventStreams") byte[] stream, @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 64) Integer> cuts) {
        List<EventStreamParser.Event> whole = new ArrayList<>();
        List<EventStreamParser.Event> pieces = new ArrayList<>();
        String wholeFailure = parse(stream, List.of(), whole);
        String piecesFailure = parse(stream, cuts, pieces);

        assertThat(pieces).isEqualTo(whole);
        assertThat(piecesFailure).isEqualTo(wholeFailure);
    }

    /** Feeds with small limits, in pieces; returns the limit failure's message, or null. */
    private static String parse(byte[] stream, List<Integer> cuts, List<EventStreamParser.Event> out) {
        EventStreamParser parser = new EventStreamParser(64, 160);
        try {
            int at = 0;
            for (int cut : cuts) {
                int end = Math.min(stream.length, at + cut);
                parser.feed(ByteBuffer.wrap(stream, at, end - at), out::add);
                at = end;
            }
            parser.feed(ByteBuffer.wrap(stream, at, stream.length - at), out::add);
            parser.end();
            parser.pending();
            return null;
        } catch (LimitExceededException e) {
            assertThat(e.getMessage()).hasSizeLessThan(1_000).contains("client.withLimits(client.limits().withMax");
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<byte[]> eventStreams() {
        Arbitrary<String> field = Arbitraries.of("data", "event", "id", "retry", ":", "", "dat", "data:", "\uFEFF");
        Arbitrary<String> value = Arbitraries.strings().withChars("ab:é \u0000\r\n1").ofMaxLength(70);
        Arbitrary<String> end = Arbitraries.of("\n", "\r", "\r\n", "\n\n", "\r\n\r\n", "");
        Arbitrary<String> line = Combinators.combine(field, Arbitraries.of(":", ": ", ""), value, end).as((f, c, v, e) -> f + c + v + e);
        Arbitrary<byte[]> structured = line.list().ofMaxSize(12).map(lines -> String.join("", lines).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(structured, structured, raw);
    }

    // ---------------------------------------------------------------- WebSocket frames

    @Property(tries = TRIES)
    void server_frames_decode_to_what_was_sent_however_the_bytes_are_cut(
            @ForAll("serverFrames") List<WebSocketFrames.Frame> frames,
            @ForAll @Size(max = 10) List<@IntRange(min = 1, max = 40) Integer> cuts) {
        byte[] wire = serverWire(frames);
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder(1_000);
        List<WebSocketFrames.Frame> decoded = new ArrayList<>();
        int at = 0;
        for (int cut : cuts) {
            int end = Math.min(wire.length, at + cut);
            decoder.feed(ByteBuffer.wrap(wire, at, end - at));
            drain(decoder, decoded);
            at = end;
        }
        decoder.feed(ByteBuffer.wrap(wire, at, wire.length - at));
        drain(decoder, decoded);

        assertThat(decoded).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(decoded.get(i).opcode()).isEqualTo(frames.get(i).opcode());
            assertThat(decoded.get(i).fin()).isEqualTo(frames.get(i).fin());
            assertThat(decoded.get(i).payload()).isEqualTo(frames.get(i).payload());
        }
        assertThat(decoder.hasPartialFrame()).isFalse();
    }

    @Property(tries = TRIES)
    void any_bytes_from_a_server_are_frames_or_a_protocol_error(@ForAll @Size(max = 200) byte[] wire) {
        WebSocketFrames.Decoder decoder = new WebSocketFrames.Decoder(100);
        WebSocketFrames.Reassembler messages = new WebSocketFrames.Reassembler(100);
        decoder.feed(ByteBuffer.wrap(wire));
        try {
            WebSocketFrames.Frame frame;
            while ((frame = decoder.next()) != null) {
                if (frame.opcode() == WebSocketFrames.CLOSE) {
                    WebSocketFrames.parseClose(frame.payload());
                } else if (!frame.isControl()) {
                    messages.accept(frame);
                }
            }
        } catch (WebSocketFrames.ProtocolException e) {
            assertThat(e.closeCode()).isIn(1002, 1007, 1009);
        }
    }

    @Property(tries = TRIES)
    void client_frames_unmask_to_their_payload(@ForAll @Size(max = 70_000) byte[] payload, @ForAll int key,
            @ForAll boolean fin) {
        ByteBuffer frame = WebSocketFrames.encode(WebSocketFrames.BINARY, fin, payload, key);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);

        int lengthCode = bytes[1] & 0x7F;
        int keyAt = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0);
        assertThat(bytes[0] & 0xFF).isEqualTo((fin ? 0x80 : 0) | WebSocketFrames.BINARY);
        assertThat(bytes[1] & 0x80).as("masked").isEqualTo(0x80);
        byte[] unmasked = new byte[bytes.length - keyAt - 4];
        for (int i = 0; i < unmasked.length; i++) {
            unmasked[i] = (byte) (bytes[keyAt + 4 + i] ^ bytes[keyAt + (i & 3)]);
        }
        assertThat(unmasked).isEqualTo(payload);
    }

    @Provide
    Arbitrary<List<WebSocketFrames.Frame>> serverFrames() {
        Arbitrary<WebSocketFrames.Frame> data = Combinators.combine(Arbitraries.of(0x0, 0x1, 0x2), Arbitraries.of(true, false),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300)).as((op, fin, p) -> new WebSocketFrames.Frame(fin, op, p));
        Arbitrary<WebSocketFrames.Frame> control = Combinators.combine(Arbitraries.of(0x8, 0x9, 0xA),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(125)).as((op, p) -> new WebSocketFrames.Frame(true, op, p));
        return Arbitraries.oneOf(data, control).list().ofMaxSize(6);
    }

    private static byte[] serverWire(List<WebSocketFrames.Frame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (WebSocketFrames.Frame f : frames) {
            int n = f.payload().length;
            out.write((f.fin() ? 0x80 : 0) | f.opcode());
            if (n <= 125) {
                out.write(n);
            } else {
                out.write(126);
                out.write(n >>> 8);
                out.write(n);
            }
            out.writeBytes(f.payload());
        }
        return out.toByteArray();
    }

    private static void drain(WebSocketFrames.Decoder decoder, List<WebSocketFrames.Frame> into) {
        WebSocketFrames.Frame f;
        while ((f = decoder.next()) != null) {
            into.add(f);
        }
    }

    // ---------------------------------------------------------------- cookie jar

    @Property(tries = TRIES)
    void any_set_cookie_is_stored_or_named_and_what_goes_back_is_a_valid_cookie_header(
            @ForAll("setCookies") List<String> headers, @ForAll("paths") String path) {
        CookieJar jar = new CookieJar();

        List<CookieJar.Problem> problems = jar.store("localhost", path, headers);
        String header = jar.headerFor("localhost", path);

        assertThat(problems).allSatisfy(p -> assertThat(p.describe()).isNotBlank());
        if (header != null) {
            RequestPlan.of("GET", "/").withHeader("Cookie", header);
            assertThat(header).doesNotContain("\r", "\n");
        }
    }

    @Provide
    Arbitrary<List<String>> setCookies() {
        Arbitrary<String> name = Arbitraries.strings().withChars("abAB_-=; \t\"é\u0001").ofMaxLength(8);
        Arbitrary<String> value = Arbitraries.strings().withChars("xy1,; \"=\\\t\u007fÿ").ofMaxLength(12);
        Arbitrary<String> attribute = Arbitraries.oneOf(
                Arbitraries.of("Path=/", "Path=", "Path=/a", "Path=x", "Domain=localhost", "Domain=.localhost",
                        "Domain=example.org", "Domain=", "Secure", "HttpOnly", "SameSite=Lax", "Max-Age=0", "Max-Age=-5",
                        "Max-Age=60", "Max-Age=99999999999999999999", "Max-Age=x", "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                        "Expires=Wed, 21 Oct 2099 07:28:00 GMT", "Expires=never", "Expires=31 Feb 2020 10:00:00"),
                Arbitraries.strings().withChars("aeEx=;:, 0129-\t").ofMaxLength(30));
        Arbitrary<String> header = Combinators.combine(name, Arbitraries.of("=", "", "=="), value,
                attribute.list().ofMaxSize(4)).as((n, eq, v, attrs) -> n + eq + v
                        + String.join("", attrs.stream().map(a -> "; " + a).toList()));
        return header.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/", "/a", "/a/b", "/a/b/", "/x/y/z");
    }

    // ---------------------------------------------------------------- URI encoding

    @Property(tries = TRIES)
    void an_encoded_component_decodes_to_the_text_and_makes_a_valid_target(@ForAll("text") String text) {
        String encoded = UriEncoding.component(text);

        assertThat(percentDecode(encoded)).isEqualTo(text);
        RequestPlan.of("GET", "/" + encoded);
    }

    @Property(tries = TRIES)
    void any_path_a_test_writes_becomes_a_valid_target_and_encoding_it_again_changes_nothing(@ForAll("text") String text) {
        String path = UriEncoding.path("/" + text);

        RequestPlan.of("GET", path);
        assertThat(path).doesNotContain("#");
        assertThat(UriEncoding.path(path)).isEqualTo(path);
    }

    @Property(tries = TRIES)
    void template_values_are_data_whatever_they_hold(@ForAll("text") String a, @ForAll("text") String b) {
        String path = UriEncoding.path(UriEncoding.expand("/x/{a}/y/{b}", new Object[] {a, b}));

        String[] segments = path.split("/", -1);
        assertThat(segments).hasSize(5);
        assertThat(percentDecode(segments[2])).isEqualTo(a);
        assertThat(percentDecode(segments[4])).isEqualTo(b);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("/?#%&=+ ;:@!$'()*,[]{}|\\^`\"<>~._-aZ09é€").ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(12).filter(GeneratedInputsTest::isWellFormed));
    }

    // ---------------------------------------------------------------- redirects

    @Property(tries = TRIES)
    void a_followed_redirect_is_a_valid_target_on_the_same_origin_without_dot_segments(
            @ForAll("bases") String base, @ForAll("locations") String location) {
        Redirects.Decision decision = Redirects.decide(base, location);

        if (decision instanceof Redirects.Follow follow) {
            RequestPlan.of("GET", follow.target());
            assertThat(follow.url()).startsWith(base.substring(0, base.indexOf('/', 8)));
            String path = follow.target().split("\\?", 2)[0];
            assertThat(path).doesNotContain("/./", "/../").doesNotEndWith("/.").doesNotEndWith("/..");
        } else {
            assertThat(((Redirects.NotFollowed) decision).message()).contains("not followed: ");
        }
    }

    @Provide
    Arbitrary<String> bases() {
        return Arbitraries.of("http://localhost/", "http://localhost/a/b/c?q=1", "http://localhost:8080/a/", "https://[::1]:8443/x/y");
    }

    @Provide
    Arbitrary<String> locations() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of(".", "..", "", "a", "b;p", "%2e", "%", "é", " "),
                Arbitraries.strings().withChars("ab./%:?#@ é").ofMaxLength(6));
        Arbitrary<String> path = segment.list().ofMaxSize(6).map(s -> String.join("/", s));
        Arbitrary<String> prefix = Arbitraries.of("", "/", "//localhost", "//localhost:8080/", "http://localhost", "HTTP://LOCALHOST:80/",
                "https://localhost:8443", "http://[::1]:8443/", "https://[::1]:8443/", "javascript:", "ftp://localhost/", "?", "#", "//");
        return Combinators.combine(prefix, path, Arbitraries.of("", "?x=1 2", "#f", "?a#b")).as((p, s, q) -> p + s + q);
    }

    // ---------------------------------------------------------------- helpers

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
