package dev.testlet.engine.spi;

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

    /** Testlet's filter, first in the app's chain: frames below it are Jetty's and the test's. */
    static final String FRONT_FILTER = "dev.testlet.engine.internal.app.FrontFilter";

    /** Testlet's wrapper around a WebSocket endpoint's frame handler: frames below it are Jetty's. */
    static final String FRAME_HANDLER = "dev.testlet.engine.internal.app.TrackedFrameHandler";

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

    /**
     * Whether a frame is where Testlet's engine hands a request over to the app (its filter) or a
     * WebSocket frame to the app's endpoint: the frames below are Jetty's and the test's, so a report
     * of what the app threw can stop there.
     *
     * <pre>{@code ThreadDump.isAppBoundary(frame)   // true for Testlet's filter}</pre>
     *
     * @param frame a stack frame
     * @return true at the boundary
     */
    public static boolean isAppBoundary(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.equals(FRONT_FILTER) || type.equals(FRAME_HANDLER);
    }
}
