package dev.testlet.examples.sse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /heartbeat}: an async event stream. The request's thread returns at once; a thread of
 * the stream's own sends {@code event: heartbeat} with {@code {"time": "<ISO instant>"}} every
 * {@code heartbeat.intervalMs} (init parameter, default 15000) until the client goes away, then
 * completes the async context. The time comes from the {@link Clock} in the context attribute
 * {@link EventsApp#CLOCK}, read at each beat, so a test can fix it.
 */
public final class HeartbeatServlet extends HttpServlet {

    private long intervalMs;

    @Override
    public void init() {
        String configured = getServletContext().getInitParameter(EventsApp.HEARTBEAT_INTERVAL);
        intervalMs = configured == null ? 15_000 : Long.parseLong(configured);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        SseWriter events = SseWriter.start(response);
        // Collaborators are looked up on the request's thread: the beating thread is the app's own.
        Clock clock = (Clock) getServletContext().getAttribute(EventsApp.CLOCK);
        Thread.ofVirtual().name("heartbeat").start(() -> {
            try {
                events.comment("connected");
                while (true) {
                    events.event("heartbeat", null, Map.of("time", clock.instant().toString()));
                    Thread.sleep(intervalMs);
                }
            } catch (IOException | InterruptedException gone) {
                // the client went away (or the app is stopping): stop beating
            } finally {
                async.complete();
            }
        });
    }
}
