package dev.testlet.engine.internal.transport;

/** Something the app's watchdog gives up on when its time is over. */
public interface Deadline {

    /** When to give up, in {@link System#nanoTime()} terms. */
    long deadlineNanos();

    /** Gives up: records where the work was stuck and interrupts it. Called at most once per expiry. */
    boolean timeOut();
}
