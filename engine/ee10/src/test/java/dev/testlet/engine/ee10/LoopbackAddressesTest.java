package dev.testlet.engine.ee10;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.engine.Exchange;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.ServletApp;
import dev.testlet.engine.spi.App;
import dev.testlet.engine.spi.Engines;
import dev.testlet.engine.spi.Transport;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process connection looks like a loopback one, so the app sees what it would over a socket. */
class LoopbackAddressesTest {

    /** Reports the addresses the servlet API gives. */
    public static class Addresses extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getParameter("close") != null) {
                resp.setHeader("Connection", "close");
            }
            resp.getWriter().write(req.getRemoteAddr() + " " + req.getRemoteHost() + " " + req.getRemotePort() + " | "
                    + req.getLocalAddr() + " " + req.getLocalName() + " " + req.getLocalPort() + " | "
                    + req.getServerName() + " " + req.getServerPort());
        }
    }

    /** Admits only clients in 127.0.0.0/8, as an IP allow-list in front of an admin endpoint does. */
    public static class LoopbackOnly implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            byte[] client = InetAddress.getByName(request.getRemoteAddr()).getAddress();
            if (client.length != 4 || client[0] != 127) {
                ((HttpServletResponse) response).sendError(403, "not from 127.0.0.0/8: " + request.getRemoteAddr());
                return;
            }
            chain.doFilter(request, response);
        }
    }

    App app;
    Transport engine;

    @BeforeEach
    void start() {
        app = Engines.start(ServletApp.builder()
                .servlet("/addresses", Addresses.class)
                .filter("/admin/*", LoopbackOnly.class)
                .servlet("/admin/*", Addresses.class)
                .build(), Duration.ofSeconds(10));
        engine = app.transport();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_app_sees_a_loopback_client_on_an_ephemeral_port_and_the_port_its_host_names() {
        String[] parts = body(engine.execute(RequestPlan.of("GET", "/addresses"), null)).split(" \\| ");

        String[] remote = parts[0].split(" ");
        assertThat(remote[0]).isEqualTo("127.0.0.1");
        assertThat(remote[1]).isEqualTo("127.0.0.1");
        assertThat(Integer.parseInt(remote[2])).isBetween(49152, 65535);
        assertThat(parts[1]).as("Jetty names local addresses by number, over a socket too").isEqualTo("127.0.0.1 127.0.0.1 80");
        assertThat(parts[2]).isEqualTo("localhost 80");
    }

    @Test
    void a_host_with_a_port_gives_that_local_port() {
        String body = body(engine.execute(RequestPlan.of("GET", "/addresses").withHeader("Host", "localhost:8080"), null));

        assertThat(body).endsWith(" | 127.0.0.1 127.0.0.1 8080 | localhost 8080");
    }

    @Test
    void each_connection_has_its_own_remote_port_kept_while_it_lives() {
        int first = remotePort(engine.execute(RequestPlan.of("GET", "/addresses"), null));
        int again = remotePort(engine.execute(RequestPlan.of("GET", "/addresses?close=1"), null));
        int next = remotePort(engine.execute(RequestPlan.of("GET", "/addresses"), null));

        assertThat(again).as("the same kept-alive connection").isEqualTo(first);
        assertThat(next).as("a new connection after Connection: close").isNotEqualTo(first).isBetween(49152, 65535);
    }

    @Test
    void an_ip_allow_list_for_127_0_0_0_8_admits_the_in_process_client() {
        Exchange e = engine.execute(RequestPlan.of("GET", "/admin/stats"), null);

        assertThat(e.status()).as(body(e)).isEqualTo(200);
    }

    private static int remotePort(Exchange e) {
        return Integer.parseInt(body(e).split(" \\| ")[0].split(" ")[2]);
    }

    private static String body(Exchange e) {
        return new String(e.body(), StandardCharsets.UTF_8);
    }
}
