package dev.testlet.examples.signup;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A mailer that records what it sends. {@link #hold()} makes sends wait until {@link #release()},
 * so a test can look at the moment between the response and the mail without racing.
 */
final class FakeMailer implements Mailer {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public void send(String to, String subject) {
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test held the mailer and never released it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sent.add(subject + " -> " + to);
    }

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    List<String> sent() {
        return sent;
    }
}
