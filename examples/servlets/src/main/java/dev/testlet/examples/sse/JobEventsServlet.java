package dev.testlet.examples.sse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /jobs/{id}/events}: a job's progress as a stream that ends. Five {@code progress}
 * events (ids 1 to 5, {@code {"job": id, "percent": 0..100}}), then {@code done} (id 6,
 * {@code {"job": id, "status": "succeeded"}}), then the response completes. A client that reconnects
 * with {@code Last-Event-ID} gets only the events after that id. Blocking: it writes on the request's
 * thread, pausing {@code ?stepMs=} between steps.
 */
public final class JobEventsServlet extends HttpServlet {

    private static final int STEPS = 5;

    /** A progress event's data. */
    record Progress(int job, int percent) {}

    /** The last event's data. */
    record Done(int job, String status) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.matches("/\\d+/events")) {
            response.sendError(404, "use /jobs/{id}/events");
            return;
        }
        int job = Integer.parseInt(path.substring(1, path.indexOf('/', 1)));
        long stepMs = request.getParameter("stepMs") == null ? 0 : Long.parseLong(request.getParameter("stepMs"));
        String last = request.getHeader("Last-Event-ID");
        int after = last == null || last.isEmpty() ? 0 : Integer.parseInt(last);
        SseWriter events = SseWriter.start(response);
        for (int step = after + 1; step <= STEPS; step++) {
            events.event("progress", Integer.toString(step), new Progress(job, (step - 1) * 25));
            pause(stepMs);
        }
        if (after <= STEPS) {
            events.event("done", Integer.toString(STEPS + 1), new Done(job, "succeeded"));
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
