package dev.testlet.engine.internal;

import dev.testlet.engine.*;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.Test;

class Spike2Test {
    @Test
    void floor() throws Exception {
        ServletApp app = ServletApp.builder().servlet("/hello", new SpikeTest.Hello()).build();
        LocalEngine e = LocalEngine.start(app, Duration.ofSeconds(10));
        LocalConnector c = (LocalConnector) e.context().getServer().getConnectors()[0];
        LocalConnector.LocalEndPoint ep = c.connect();
        byte[] req = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 3; round++) {
            long t1 = System.nanoTime();
            for (int i = 0; i < 100000; i++) {
                while (!ep.isFillInterested()) Thread.onSpinWait();
                ep.addInput(ByteBuffer.wrap(req));
                ep.waitForResponse(false, 10, TimeUnit.SECONDS);
            }
            System.out.println("raw us/req " + (System.nanoTime() - t1) / 1e3 / 100000);
            t1 = System.nanoTime();
            for (int i = 0; i < 100000; i++) e.execute(RequestPlan.of("GET", "/hello"));
            System.out.println("engine us/req " + (System.nanoTime() - t1) / 1e3 / 100000);
        }
        e.close();
    }
}
