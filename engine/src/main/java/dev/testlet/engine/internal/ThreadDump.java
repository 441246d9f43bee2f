package dev.testlet.engine.internal;

/**
 * A thread's name, state and stack, as printed in timeout failures.
 *
 * <pre>{@code
 * ThreadDump.of(thread)
 * // "main" RUNNABLE
 * //     at java.base/java.lang.Thread.sleep(Thread.java:509)
 * //     at com.example.SlowServlet.doGet(SlowServlet.java:14)
 * }</pre>
 */
public final class ThreadDump {

    private static final int MAX_FRAMES = 40;

    private ThreadDump() {}

    /**
     * Dumps one thread.
     *
     * @param thread the thread
     * @return its name, state and up to 40 frames
     */
    public static String of(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        StringBuilder out = new StringBuilder();
        out.append('"').append(thread.getName().isEmpty() ? thread.toString() : thread.getName()).append("\" ")
                .append(thread.isVirtual() ? "virtual " : "").append(thread.getState());
        int shown = Math.min(frames.length, MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            out.append("\n    at ").append(frames[i]);
        }
        if (frames.length > shown) {
            out.append("\n    ... ").append(frames.length - shown).append(" more frames");
        }
        return out.toString();
    }
}
