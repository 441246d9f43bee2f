package dev.testlet.engine.internal;

import dev.testlet.engine.*;
import jakarta.servlet.*;
import jakarta.servlet.http.*;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpikeTest {
    static final ThreadLocal<String> TL = new ThreadLocal<>();

    public static class Hello extends HttpServlet {
        @Override protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("application/json");
            resp.getWriter().write("{\"ok\":true,\"tl\":\"" + TL.get() + "\",\"thread\":\"" + Thread.currentThread().getName() + "\"}");
        }
    }

    public static class Boom implements ServletContextListener {
        @Override public void contextInitialized(ServletContextEvent sce) { throw new IllegalStateException("database down"); }
    }

    @Test
    void spike() {
        ServletApp app = ServletApp.builder().servlet("/hello", new Hello()).build();
        long t0 = System.nanoTime();
        LocalEngine e = LocalEngine.start(app, Duration.ofSeconds(10));
        System.out.println("start ms " + (System.nanoTime() - t0) / 1e6);
        TL.set("mine");
        Thread.currentThread().setName("test-main");
        int inline = 0;
        for (int i = 0; i < 2000; i++) {
            Exchange x = e.execute(RequestPlan.of("GET", "/hello"));
            if (new String(x.body()).contains("test-main")) inline++;
            if (i == 0) System.out.println(x.statusLine() + " " + x.headers() + new String(x.body()));
        }
        System.out.println("inline " + inline + "/2000");
        long t1 = System.nanoTime();
        for (int i = 0; i < 100000; i++) e.execute(RequestPlan.of("GET", "/hello"));
        System.out.println("us/req " + (System.nanoTime() - t1) / 1e3 / 100000);
        Exchange nf = e.execute(RequestPlan.of("GET", "/nope"));
        System.out.println(nf.statusLine() + new String(nf.body()));
        t0 = System.nanoTime();
        e.close();
        System.out.println("stop ms " + (System.nanoTime() - t0) / 1e6);
        try {
            LocalEngine.start(ServletApp.builder().listener(new Boom()).build(), Duration.ofSeconds(10));
        } catch (Exception ex) {
            ex.printStackTrace(System.out);
        }
    }
}
