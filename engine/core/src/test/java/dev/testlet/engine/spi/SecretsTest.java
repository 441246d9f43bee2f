package dev.testlet.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = Secrets.of(null, null);

    @Test
    void credentials_keep_their_scheme() {
        assertThat(secrets.header("Authorization", "Bearer abc")).isEqualTo("Bearer ***");
        assertThat(secrets.header("proxy-authorization", "Basic dXNlcjpwdw==")).isEqualTo("Basic ***");
        assertThat(secrets.header("Authorization", "opaque")).isEqualTo("***");
    }

    @Test
    void session_and_token_cookies_are_masked_and_the_others_kept() {
        assertThat(secrets.header("Cookie", "JSESSIONID=1; SESSION=2; connect.sid=3; PHPSESSID=4; sid=5; theme=dark; lang=en"))
                .isEqualTo("JSESSIONID=***; SESSION=***; connect.sid=***; PHPSESSID=***; sid=***; theme=dark; lang=en");
        assertThat(secrets.header("Cookie", "refresh_token=a; my_auth=b; XSRF-TOKEN=c; consent")).isEqualTo(
                "refresh_token=***; my_auth=***; XSRF-TOKEN=***; consent");
        assertThat(secrets.header("Set-Cookie", "SESSION=abc; Path=/; HttpOnly")).isEqualTo("SESSION=***; Path=/; HttpOnly");
        assertThat(secrets.header("Set-Cookie", "theme=dark; Path=/")).isEqualTo("theme=dark; Path=/");
    }

    @Test
    void headers_with_secret_names_are_masked_whole() {
        assertThat(secrets.header("X-API-Key", "k")).isEqualTo("***");
        assertThat(secrets.header("X-Auth-Token", "t")).isEqualTo("***");
        assertThat(secrets.header("Accept", "application/json")).isEqualTo("application/json");
    }

    @Test
    void names_added_by_the_user_are_masked_in_any_case() {
        Secrets more = secrets.withNames(List.of("X-Tenant", "device"));

        assertThat(more.header("x-tenant", "acme")).isEqualTo("***");
        assertThat(more.header("Cookie", "Device=phone; lang=en")).isEqualTo("Device=***; lang=en");
        assertThat(secrets.header("X-Tenant", "acme")).as("the original is unchanged").isEqualTo("acme");
    }

    @Test
    void reveal_shows_everything_except_on_ci() {
        assertThat(Secrets.of("true", null).header("Authorization", "Bearer abc")).isEqualTo("Bearer abc");
        assertThat(Secrets.of("", null).reveals()).as("-Dtestlet.reveal alone").isTrue();
        assertThat(Secrets.of("true", "true").header("Authorization", "Bearer abc")).isEqualTo("Bearer ***");
        assertThat(Secrets.of("true", "true").revealIgnoredOnCi()).isTrue();
        assertThat(Secrets.of("true", "false").reveals()).as("CI=false is not CI").isTrue();
        assertThat(Secrets.of("false", null).reveals()).isFalse();
        assertThat(Secrets.of("true", null).hides("Authorization", "Bearer abc")).as("hides ignores reveal").isTrue();
    }
}
