package dev.testlet.examples.sse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /ticker}: an endless stream, {@code data: tick N} (with {@code id: N}) every
 * {@code ?everyMs=} milliseconds (default 10), written in a blocking loop until a write fails because
 * the client went away. {@code GET /ticker/listeners} answers {@code {"count": n}}, the streams it
 * is serving now, so a test can see that the server noticed a disconnect.
 */
public final class TickerServlet extends HttpServlet {

    private final AtomicInteger listeners = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/listeners".equals(request.getPathInfo())) {
            response.setContentType("application/json");
            response.getWriter().write("{\"count\":" + listeners.get() + "}");
            return;
        }
        long everyMs = request.getParameter("everyMs") == null ? 10 : Long.parseLong(request.getParameter("everyMs"));
        SseWriter.start(response).retry(1000);
        listeners.incrementAndGet();
        try {
            for (long n = 1; ; n++) {
                response.getOutputStream().write(("id: " + n + "\ndata: tick " + n + "\n\n").getBytes(StandardCharsets.UTF_8));
                response.getOutputStream().flush();
                Thread.sleep(everyMs);
            }
        } catch (IOException | InterruptedException gone) {
            // the client disconnected: the write failed, so this stream is over
        } finally {
            listeners.decrementAndGet();
        }
    }
}
