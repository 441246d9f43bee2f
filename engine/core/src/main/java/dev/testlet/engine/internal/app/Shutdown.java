package dev.testlet.engine.internal.app;

import dev.testlet.engine.spi.Durations;
import java.time.Duration;
import java.util.List;

/** The steps of an app's close that end what is left running, and the warning about what was. */
final class Shutdown {

    private Shutdown() {}

    /**
     * Ends the handlers of streams and WebSocket sessions, whose clients are gone now: they see it at
     * their next write; interrupting them also ends one that sleeps between writes.
     *
     * @param live the handlers and async contexts of streams and sessions
     * @param grace how long they have to end
     * @return the handlers still running after it
     */
    static List<String> windDown(BackgroundWork live, Duration grace) {
        try {
            return live.interruptAndWait(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * Logs what close did not wait for, if anything.
     *
     * @param app the app, as messages name it
     * @param notWaitedFor async contexts the app never completed
     * @param stillRunning handlers still running after the grace
     * @param grace how long they had
     */
    static void warnAbout(String app, List<String> notWaitedFor, List<String> stillRunning, Duration grace) {
        if (notWaitedFor.isEmpty() && stillRunning.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("closed the ").append(app);
        if (!notWaitedFor.isEmpty()) {
            message.append(" without waiting for ").append(notWaitedFor.size())
                    .append(notWaitedFor.size() == 1 ? " request whose response the app never completed: "
                            : " requests whose responses the app never completed: ")
                    .append(String.join("; ", notWaitedFor))
                    .append(" (stopping Jetty ended them, as a real server's stop would)");
        }
        if (!stillRunning.isEmpty()) {
            message.append(notWaitedFor.isEmpty() ? " although " : "; ").append(stillRunning.size())
                    .append(stillRunning.size() == 1 ? " handler was" : " handlers were")
                    .append(" still running ").append(Durations.format(grace))
                    .append(" after its client went and it was interrupted: ").append(String.join("; ", stillRunning));
        }
        System.getLogger(AppServer.class.getName()).log(System.Logger.Level.WARNING, message.toString());
    }
}
