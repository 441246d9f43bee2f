package dev.testlet.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.engine.spi.BackgroundWorkException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    @Test
    void a_second_timeout_on_the_same_work_does_not_repeat_the_stacks_but_new_work_gets_them() throws Exception {
        BackgroundWork work = new BackgroundWork();
        CountDownLatch release = new CountDownLatch(1);
        Thread stuck = Thread.ofVirtual().start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Object first = new Object();
        work.started(first, "mail to ann", stuck);
        try {
            assertThatThrownBy(() -> work.await(Duration.ofMillis(30))).isInstanceOf(BackgroundWorkException.class)
                    .hasMessageContaining("1 piece of background work was still running after 30ms:")
                    .hasMessageContaining("CountDownLatch.await");
            assertThatThrownBy(() -> work.await(Duration.ofMillis(30)))
                    .hasMessageContaining("still running after 30ms, the same as at the last wait (its stacks were shown then):")
                    .hasMessageContaining("1. mail to ann")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CountDownLatch.await"));

            work.started(new Object(), "mail to bob", stuck);
            assertThatThrownBy(() -> work.await(Duration.ofMillis(30)))
                    .hasMessageContaining("2 pieces of background work were still running after 30ms:")
                    .hasMessageContaining("CountDownLatch.await");
        } finally {
            release.countDown();
            stuck.join(Duration.ofSeconds(5));
        }
    }
}
