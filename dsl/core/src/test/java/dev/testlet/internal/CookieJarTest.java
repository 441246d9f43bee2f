package dev.testlet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTest {

    private final CookieJar jar = new CookieJar();

    @Test
    void sends_longest_paths_first_and_only_to_matching_paths() {
        jar.store("localhost", "/", List.of("a=1; Path=/", "b=2; Path=/admin"));

        assertThat(jar.headerFor("localhost", "/admin/users")).isEqualTo("b=2; a=1");
        assertThat(jar.headerFor("localhost", "/administrator")).isEqualTo("a=1");
        assertThat(jar.headerFor("localhost", "/")).isEqualTo("a=1");
    }

    @Test
    void defaults_the_path_to_the_directory_of_the_request() {
        jar.store("localhost", "/shop/cart/add", List.of("c=3"));

        assertThat(jar.headerFor("localhost", "/shop/cart/view")).isEqualTo("c=3");
        assertThat(jar.headerFor("localhost", "/shop/other")).isNull();
    }

    @Test
    void replaces_a_cookie_with_the_same_name_and_path_and_deletes_it_with_max_age_zero() {
        jar.store("localhost", "/", List.of("a=1; Path=/"));
        jar.store("localhost", "/", List.of("a=2; Path=/"));
        assertThat(jar.headerFor("localhost", "/")).isEqualTo("a=2");

        jar.store("localhost", "/", List.of("a=; Path=/; Max-Age=0"));
        assertThat(jar.headerFor("localhost", "/")).isNull();
    }

    @Test
    void keeps_secure_and_http_only_cookies_for_the_in_process_origin() {
        jar.store("localhost", "/", List.of("sid=x; Path=/; Secure; HttpOnly"));

        assertThat(jar.snapshot()).containsEntry("sid", "x");
    }

    @Test
    void ignores_cookies_for_another_domain() {
        jar.store("localhost", "/", List.of("t=1; Domain=example.org"));

        assertThat(jar.snapshot()).isEmpty();
    }

    @Test
    void a_cookie_for_another_domain_is_named_with_the_reason_and_its_value_masked() {
        List<CookieJar.Problem> problems = jar.store("localhost", "/", List.of("session_token=secret; Domain=example.org", "ok=1"));

        assertThat(problems).extracting(CookieJar.Problem::describe).containsExactly(
                "Set-Cookie: session_token=***; Domain=example.org ignored: its Domain example.org does not match the host localhost");
        assertThat(jar.snapshot()).containsOnlyKeys("ok");
    }

    @Test
    void malformed_set_cookies_are_named_instead_of_skipped() {
        List<CookieJar.Problem> problems = jar.store("localhost", "/", List.of(
                "no-equals-sign", "=value", "a=1; Max-Age=soon", "b=2; Expires=next tuesday", "c=\u0001x", "d=" + "x".repeat(5000)));

        assertThat(problems).extracting(CookieJar.Problem::describe).containsExactly(
                "Set-Cookie: no-equals-sign ignored: it has no '=' between a cookie name and a value",
                "Set-Cookie: =value ignored: its cookie name is empty",
                "Set-Cookie: a=1; Max-Age=soon stored, but its Max-Age \"soon\" is not a whole number of seconds,"
                        + " so it was ignored",
                "Set-Cookie: b=2; Expires=next tuesday stored, but its Expires \"next tuesday\" is not a date,"
                        + " so it was ignored",
                "Set-Cookie: c=\u0001x ignored: it contains control character U+0001, which browsers refuse in a cookie",
                "Set-Cookie: d=" + "x".repeat(198) + "... (5,002 characters) ignored: its name and value are 5,001 bytes, more than the 4,096 browsers keep");
        assertThat(jar.snapshot()).as("a cookie with an unreadable Expires lasts for the session").containsOnlyKeys("a", "b");
    }

    @Test
    void a_cookie_named_like_an_attribute_and_a_quoted_value_are_kept_as_browsers_keep_them() {
        List<CookieJar.Problem> problems = jar.store("localhost", "/", List.of("path=1", "q=\"a b\""));

        assertThat(problems).isEmpty();
        assertThat(jar.headerFor("localhost", "/")).isEqualTo("path=1; q=\"a b\"");
    }

    @Test
    void a_value_with_a_comma_and_max_age_stays_one_cookie() {
        jar.store("localhost", "/", List.of("list=a,b; Max-Age=60"));

        assertThat(jar.snapshot()).containsExactly(java.util.Map.entry("list", "a,b"));
    }

    @Test
    void expires_in_the_past_deletes_and_max_age_wins_over_expires() {
        jar.store("localhost", "/", List.of("a=1", "b=2"));

        jar.store("localhost", "/", List.of("a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
                "b=3; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60"));

        assertThat(jar.snapshot()).containsExactly(java.util.Map.entry("b", "3"));
    }
}
