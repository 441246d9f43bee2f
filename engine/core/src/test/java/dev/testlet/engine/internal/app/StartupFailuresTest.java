package dev.testlet.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartupFailuresTest {

    @Test
    void a_timed_out_start_says_how_to_allow_more_then_where_the_thread_was() {
        String message = StartupFailures.timedOut(Duration.ofSeconds(10), "\tat com.example.Slow.contextInitialized(Slow.java:7)");

        assertThat(message).isEqualTo("the app did not start within 10s; to allow it more, use"
                + " TestletExtension.forApp(app).withStartupTimeout(Duration.ofSeconds(60)) or"
                + " Testlet.start(app, Duration.ofSeconds(60)) (Spring Boot's first start in a JVM often takes over 10s).\n"
                + "The starting thread was interrupted there:\n"
                + "\tat com.example.Slow.contextInitialized(Slow.java:7)");
    }

    @Test
    void the_suggested_timeout_is_at_least_twice_the_one_that_ran_out() {
        assertThat(StartupFailures.timedOut(Duration.ofSeconds(90), ""))
                .startsWith("the app did not start within 90s; to allow it more, use"
                        + " TestletExtension.forApp(app).withStartupTimeout(Duration.ofSeconds(180))")
                .contains("Testlet.start(app, Duration.ofSeconds(180))");
    }
}
