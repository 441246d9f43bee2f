package dev.testlet.engine.internal;

/** Something the {@link Watchdog} gives up on when its time is over. */
interface Deadline {

    /** When to give up, in {@link System#nanoTime()} terms. */
    long deadlineNanos();

    /** Gives up: records where the work was stuck and interrupts it. Called at most once per expiry. */
    boolean timeOut();
}
