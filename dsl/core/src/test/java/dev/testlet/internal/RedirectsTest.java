package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.internal.Redirects.Follow;
import dev.testlet.internal.Redirects.NotFollowed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RedirectsTest {

    private static final String BASE = "http://a/b/c/d;p?q";

    /** RFC 3986 §5.4.1. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "g:h     | g:h",
            "g       | http://a/b/c/g",
            "./g     | http://a/b/c/g",
            "g/      | http://a/b/c/g/",
            "/g      | http://a/g",
            "//g     | http://g",
            "?y      | http://a/b/c/d;p?y",
            "g?y     | http://a/b/c/g?y",
            "#s      | http://a/b/c/d;p?q#s",
            "g#s     | http://a/b/c/g#s",
            "g?y#s   | http://a/b/c/g?y#s",
            ";x      | http://a/b/c/;x",
            "g;x     | http://a/b/c/g;x",
            "g;x?y#s | http://a/b/c/g;x?y#s",
            "''      | http://a/b/c/d;p?q",
            ".       | http://a/b/c/",
            "./      | http://a/b/c/",
            "..      | http://a/b/",
            "../     | http://a/b/",
            "../g    | http://a/b/g",
            "../..   | http://a/",
            "../../  | http://a/",
            "../../g | http://a/g",
    })
    void normal_examples_of_rfc_3986(String reference, String expected) {
        assertThat(Redirects.resolve(BASE, reference.equals("''") ? "" : reference)).isEqualTo(expected);
    }

    /** RFC 3986 §5.4.2; {@code http:g} read as relative, as the RFC allows for backward compatibility and browsers do. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../../../g    | http://a/g",
            "../../../../g | http://a/g",
            "/./g          | http://a/g",
            "/../g         | http://a/g",
            "g.            | http://a/b/c/g.",
            ".g            | http://a/b/c/.g",
            "g..           | http://a/b/c/g..",
            "..g           | http://a/b/c/..g",
            "./../g        | http://a/b/g",
            "./g/.         | http://a/b/c/g/",
            "g/./h         | http://a/b/c/g/h",
            "g/../h        | http://a/b/c/h",
            "g;x=1/./y     | http://a/b/c/g;x=1/y",
            "g;x=1/../y    | http://a/b/c/y",
            "g?y/./x       | http://a/b/c/g?y/./x",
            "g?y/../x      | http://a/b/c/g?y/../x",
            "g#s/./x       | http://a/b/c/g#s/./x",
            "g#s/../x      | http://a/b/c/g#s/../x",
            "http:g        | http://a/b/c/g",
    })
    void abnormal_examples_of_rfc_3986(String reference, String expected) {
        assertThat(Redirects.resolve(BASE, reference)).isEqualTo(expected);
    }

    @Test
    void a_location_with_non_ascii_is_percent_encoded_as_utf_8_as_browsers_do() {
        assertThat(Redirects.decide("http://localhost/echo/x", "/echo/café"))
                .isEqualTo(new Follow("http://localhost/echo/caf%C3%A9", "/echo/caf%C3%A9"));
    }

    @Test
    void spaces_and_characters_outside_the_allowed_set_are_encoded_and_valid_escapes_kept() {
        assertThat(Redirects.decide("http://localhost/", "/a b/%20/%zz/x|y?q=x y&r=\"1\"/?#frag"))
                .isEqualTo(new Follow("http://localhost/a%20b/%20/%25zz/x%7Cy?q=x%20y&r=%221%22/?",
                        "/a%20b/%20/%25zz/x%7Cy?q=x%20y&r=%221%22/?"));
        assertThat(Redirects.decide("http://localhost/", "/😀")).isEqualTo(new Follow("http://localhost/%F0%9F%98%80", "/%F0%9F%98%80"));
    }

    @Test
    void relative_query_only_and_fragment_only_references_follow_on_the_same_origin() {
        assertThat(Redirects.decide("http://localhost/shop/cart?x=1", "../login?next=/shop"))
                .isEqualTo(new Follow("http://localhost/login?next=/shop", "/login?next=/shop"));
        assertThat(Redirects.decide("http://localhost/shop/cart?x=1", "?page=2"))
                .isEqualTo(new Follow("http://localhost/shop/cart?page=2", "/shop/cart?page=2"));
        assertThat(Redirects.decide("http://localhost/shop/cart?x=1", "#top"))
                .isEqualTo(new Follow("http://localhost/shop/cart?x=1", "/shop/cart?x=1"));
        assertThat(Redirects.decide("http://localhost", "?a")).isEqualTo(new Follow("http://localhost/?a", "/?a"));
    }

    @Test
    void the_same_origin_is_recognised_whatever_the_case_and_an_explicit_default_port() {
        assertThat(Redirects.decide("http://localhost/a", "HTTP://LocalHost:80/x")).isInstanceOf(Follow.class)
                .extracting(d -> ((Follow) d).target()).isEqualTo("/x");
        assertThat(Redirects.decide("http://localhost:8080/a", "//localhost:8080/x"))
                .isEqualTo(new Follow("http://localhost:8080/x", "/x"));
        assertThat(Redirects.decide("https://[::1]:8443/a", "https://user@[::1]:8443/x?y"))
                .isEqualTo(new Follow("https://[::1]:8443/x?y", "/x?y"));
    }

    @Test
    void another_scheme_host_or_port_is_not_followed_with_the_reason() {
        assertThat(Redirects.decide("http://localhost/a", "javascript:alert(1)"))
                .isEqualTo(new NotFollowed("javascript:alert(1)", "it uses another scheme (javascript, not http)"));
        assertThat(Redirects.decide("http://localhost/a", "ftp://localhost/f"))
                .isEqualTo(new NotFollowed("ftp://localhost/f", "it uses another scheme (ftp, not http)"));
        assertThat(Redirects.decide("http://localhost/a", "https://localhost/a"))
                .isEqualTo(new NotFollowed("https://localhost/a", "it uses another scheme (https, not http)"));
        assertThat(Redirects.decide("http://localhost/a", "http://localhost:9999/b"))
                .isEqualTo(new NotFollowed("http://localhost:9999/b", "it leads to another port (9999, not 80)"));
        assertThat(Redirects.decide("http://localhost/a", "//example.org/b"))
                .isEqualTo(new NotFollowed("http://example.org/b", "it leads to another host (example.org, not localhost)"));
        assertThat(Redirects.decide("http://localhost/a", "http://localhost:http/b"))
                .isEqualTo(new NotFollowed("http://localhost:http/b", "its port is not a number (localhost:http)"));
        assertThat(Redirects.decide("http://localhost/a", "http:///b"))
                .isEqualTo(new NotFollowed("http:///b", "it leads to another host (, not localhost)"));
    }

    @Test
    void the_report_line_says_why_a_redirect_was_not_followed() {
        NotFollowed d = (NotFollowed) Redirects.decide("http://localhost/a", "ftp://localhost/f");

        assertThat(d.message()).isEqualTo("redirect to ftp://localhost/f not followed: it uses another scheme"
                + " (ftp, not http); Testlet follows redirects only within the app's origin (same scheme, host and port)");
    }
}
