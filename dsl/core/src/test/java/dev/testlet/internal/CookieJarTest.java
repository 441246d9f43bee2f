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
}
