package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SetCookieTest {

    private static final long NOW = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    /** The date formats servers send, read as RFC 6265 §5.1.1 reads them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sun, 06 Nov 1994 08:49:37 GMT   | 1994-11-06T08:49:37Z",
            "Sunday, 06-Nov-94 08:49:37 GMT  | 1994-11-06T08:49:37Z",
            "Sun Nov  6 08:49:37 1994        | 1994-11-06T08:49:37Z",
            "Wed, 21-Oct-2015 07:28:00 GMT   | 2015-10-21T07:28:00Z",
            "21 oct 15 7:8:0                 | 2015-10-21T07:08:00Z",
            "Thu, 01 Jan 1970 00:00:00 GMT   | 1970-01-01T00:00:00Z",
    })
    void cookie_dates_are_read_leniently(String date, String expected) {
        assertThat(SetCookie.cookieDate(date)).isEqualTo(Instant.parse(expected).toEpochMilli());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"next tuesday", "Sun, 31 Feb 2015 00:00:00 GMT", "06 Nov 1994", "25:00:00 1 jan 2020",
            "1 jan 1600 00:00:00", "''"})
    void things_that_are_not_dates_are_not(String date) {
        assertThat(SetCookie.cookieDate(date.equals("''") ? "" : date)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void attributes_are_read_case_insensitively_and_the_path_defaults_to_the_request_directory() {
        SetCookie.Result r = SetCookie.parse(" sid = abc ;PATH=/app; domain=.LocalHost; SECURE; httponly; max-age=60",
                "localhost", "/x/y", NOW);

        assertThat(r.cookie()).isEqualTo(new SetCookie.Cookie("sid", "abc", "localhost", false, "/app", NOW + 60_000, true, true));
        assertThat(SetCookie.parse("a=1; Path=relative", "localhost", "/x/y", NOW).cookie().path()).isEqualTo("/x");
        assertThat(SetCookie.parse("a=1", "localhost", "/", NOW).cookie().hostOnly()).isTrue();
    }

    @Test
    void a_domain_cookie_does_not_match_an_ip_address_by_suffix() {
        assertThat(SetCookie.domainMatches("1.2.3.4", "2.3.4")).isFalse();
        assertThat(SetCookie.domainMatches("api.example.org", "example.org")).isTrue();
        assertThat(SetCookie.domainMatches("badexample.org", "example.org")).isFalse();
    }
}
