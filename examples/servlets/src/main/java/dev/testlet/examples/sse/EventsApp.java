package dev.testlet.examples.sse;

import dev.testlet.engine.ServletApp;
import java.time.Clock;

/**
 * The events app as a test mounts it: {@link HeartbeatServlet} at {@code /heartbeat},
 * {@link JobEventsServlet} at {@code /jobs/*} and {@link TickerServlet} at {@code /ticker/*}.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(EventsApp.app())) {
 *     try (EventStream ticks = client.given().sse("/ticker")) {
 *         ticks.take(3);
 *     }
 * }
 * }</pre>
 */
public final class EventsApp {

    /** The context attribute holding the {@link Clock} heartbeats read the time from. */
    public static final String CLOCK = "clock";

    /** The init parameter with the milliseconds between heartbeats. */
    public static final String HEARTBEAT_INTERVAL = "heartbeat.intervalMs";

    private EventsApp() {}

    /**
     * The app with the system clock and a heartbeat every 15 seconds.
     *
     * @return the app
     */
    public static ServletApp app() {
        return builder().build();
    }

    /**
     * The app's parts, to change before building (a faster heartbeat, another clock).
     *
     * <pre>{@code EventsApp.builder().initParameter(EventsApp.HEARTBEAT_INTERVAL, "20").build()}</pre>
     *
     * @return a builder with the three servlets and the system clock
     */
    public static ServletApp.Builder builder() {
        return ServletApp.builder()
                .servlet("/heartbeat", HeartbeatServlet.class)
                .servlet("/jobs/*", JobEventsServlet.class)
                .servlet("/ticker/*", TickerServlet.class)
                .attribute(CLOCK, Clock.systemUTC());
    }
}
