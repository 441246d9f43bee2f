package dev.testlet.engine.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void parses_a_chunked_response_fed_one_byte_at_a_time() {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        ByteBuffer leftover = null;
        for (byte b : wire.getBytes(StandardCharsets.ISO_8859_1)) {
            leftover = reader.feed(ByteBuffer.wrap(new byte[] {b}));
        }

        assertThat(reader.isComplete()).isTrue();
        assertThat(leftover).isNotNull();
        assertThat(new String(reader.body(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
        assertThat(reader.isPersistent()).isTrue();
    }

    @Test
    void returns_the_bytes_after_a_101_as_leftover() {
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        ByteBuffer leftover = reader.feed(ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0081\u0002hi"));

        assertThat(reader.status()).isEqualTo(101);
        assertThat(leftover.remaining()).isEqualTo(4);
    }

    @Test
    void a_close_delimited_body_completes_at_eof_and_the_connection_is_not_reused() {
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        assertThat(reader.feed(ascii("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\npartial"))).isNull();
        reader.eof();

        assertThat(reader.isComplete()).isTrue();
        assertThat(new String(reader.body(), StandardCharsets.US_ASCII)).isEqualTo("partial");
        assertThat(reader.isPersistent()).isFalse();
    }

    @Test
    void a_body_cut_short_is_a_failure() {
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        reader.feed(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        reader.eof();

        assertThat(reader.isComplete()).isFalse();
        assertThat(reader.failure()).isEqualTo("the server closed the connection before the response was complete");
    }

    @Test
    void nothing_at_all_is_a_failure_that_says_so() {
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        reader.eof();

        assertThat(reader.failure()).isEqualTo("the server closed the connection without sending a response");
    }

    @Test
    void bytes_after_a_complete_response_belong_to_no_request_and_end_the_connection() {
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        reader.drain(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokLATE"));
        reader.drain(ascii("R"));

        assertThat(new String(reader.body(), StandardCharsets.US_ASCII)).isEqualTo("ok");
        assertThat(reader.extraBytes()).isEqualTo(5);
        assertThat(reader.extra()).isEqualTo("LATER");
        assertThat(reader.isPersistent()).isFalse();
    }

    @Test
    void an_announced_body_over_the_limit_is_refused_at_the_headers() {
        ResponseReader reader = new ResponseReader(false, 10);

        reader.drain(ascii("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello"));

        assertThat(reader.isOverLimit()).isTrue();
        assertThat(reader.declaredLength()).isEqualTo(11);
        assertThat(reader.body()).isEmpty();
        assertThat(reader.isPersistent()).isFalse();
    }

    @Test
    void a_chunked_body_over_the_limit_is_not_kept() {
        ResponseReader reader = new ResponseReader(false, 8);

        reader.drain(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n"));

        assertThat(reader.isOverLimit()).isTrue();
        assertThat(reader.declaredLength()).isEqualTo(-1);
        assertThat(reader.bodyBytes()).isEqualTo(10);
        assertThat(reader.body()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void a_body_at_the_limit_is_kept() {
        ResponseReader reader = new ResponseReader(false, 5);

        reader.drain(ascii("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"));

        assertThat(reader.isOverLimit()).isFalse();
        assertThat(new String(reader.body(), StandardCharsets.US_ASCII)).isEqualTo("hello");
    }

    @Test
    void keeps_the_trailers_of_a_chunked_body() {
        ResponseReader reader = new ResponseReader(false, ResponseReader.UNLIMITED);

        reader.drain(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n2\r\nhi\r\n0\r\n"
                + "X-Sum: 42\r\nX-More: a\r\n\r\n"));

        assertThat(reader.isComplete()).isTrue();
        assertThat(reader.trailers().first("x-sum")).isEqualTo("42");
        assertThat(reader.trailers().names()).containsExactly("X-Sum", "X-More");
        assertThat(reader.headers().contains("X-Sum")).isFalse();
    }

    @Test
    void a_plain_head_is_read_as_jettys_parser_reads_it() {
        String[] wires = {
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}",
            "HTTP/1.1 200 OK\r\ncontent-type: TEXT/HTML;charset=UTF-8\r\ncontent-length: 2\r\nX-Custom:   spaced  \r\n\r\nhi",
            "HTTP/1.1 201 Created\r\nLocation: /items/3\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 500 Server Error\r\nCache-Control: No-Cache\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 3\r\n\r\nabcEXTRA",
            "HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nab",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi",
            "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\nhi",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
            "HTTP/1.1 204 No Content\r\n\r\n",
            "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi",
            "HTTP/1.1 200 OK\r\nBad Name: x\r\nContent-Length: 2\r\n\r\nhi",
            "HTTP/1.1 200 OK\r\nX-Tab:\ta\r\nContent-Length: 2\r\n\r\nhi",
            "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi",
            "HTTP/1.1 200 OK\r\nX-Empty:\r\nContent-Length: 2\r\n\r\nhi",
            "HTTP/1.1 200 OK\r\nX-Latin: caf\u00e9\r\nContent-Length: 2\r\n\r\nhi",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + "x".repeat(100),
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
        };
        for (String wire : wires) {
            for (int split : new int[] {wire.length(), wire.indexOf("\r\n\r\n") + 4, 20}) {
                if (split < 0 || split > wire.length()) {
                    continue;
                }
                ResponseReader plain = new ResponseReader(false, null, 64, true);
                ResponseReader jetty = new ResponseReader(false, null, 64, false);
                for (ResponseReader reader : List.of(plain, jetty)) {
                    reader.drain(ascii(wire.substring(0, split)));
                    if (split < wire.length()) {
                        reader.drain(ascii(wire.substring(split)));
                    }
                    reader.eof();
                }
                assertThat(describe(plain)).as("%s (split at %d)", wire, split).isEqualTo(describe(jetty));
            }
        }
    }

    private static String describe(ResponseReader r) {
        return r.status() + " " + r.reason() + " " + r.headers().asList() + " body=" + new String(r.body(),
                StandardCharsets.ISO_8859_1) + " complete=" + r.isComplete() + " persistent=" + r.isPersistent()
                + " length=" + r.declaredLength() + " over=" + r.isOverLimit() + " failure=" + r.failure()
                + " extra=" + r.extraBytes() + " " + r.extra() + " received=" + r.received();
    }
}
