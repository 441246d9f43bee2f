package dev.testlet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.server.ServerEndpoint;
import java.util.EventListener;
import org.junit.jupiter.api.Test;

class ServletAppTest {

    public static class A extends HttpServlet {}

    public static class B extends HttpServlet {}

    public abstract static class Abstract extends HttpServlet {}

    public static class NoDefaultConstructor extends HttpServlet {
        public NoDefaultConstructor(String unused) {}
    }

    static class NotAListener implements EventListener {}

    @ServerEndpoint("/ws")
    public static class Endpoint {}

    public static class NotAnEndpoint {}

    @Test
    void describes_what_it_mounts() {
        ServletApp app = ServletApp.builder().contextPath("/shop").servlet("/items/*", A.class)
                .listener(new ServletContextListener() {}).websocket(Endpoint.class).attribute("clock", "fixed").build();

        assertThat(app.contextPath()).isEqualTo("/shop");
        assertThat(app.usesWebSockets()).isTrue();
        assertThat(app.toString()).startsWith("ServletApp at /shop\n")
                .contains("servlet  /items/* -> dev.testlet.engine.ServletAppTest$A")
                .contains("endpoint /ws -> dev.testlet.engine.ServletAppTest$Endpoint")
                .contains("attribute clock = java.lang.String");
    }

    @Test
    void a_path_without_a_leading_slash_fails_at_build_naming_it() {
        assertThatThrownBy(() -> ServletApp.builder().servlet("items", A.class).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ServletApp has a problem:\n  - servlet path 'items' is not a servlet mapping; it must start"
                        + " with '/' (\"/items\", \"/items/*\") or be an extension mapping (\"*.json\")");
    }

    @Test
    void every_problem_is_reported_together() {
        assertThatThrownBy(() -> ServletApp.builder()
                .contextPath("shop/")
                .servlet("/items/*", A.class)
                .servlet("/items/*", B.class)
                .servlet("/null", (HttpServlet) null)
                .servlet("/abstract", Abstract.class)
                .servlet("/ctor", NoDefaultConstructor.class)
                .filter("/a*b", new jakarta.servlet.Filter() {
                    @Override
                    public void doFilter(jakarta.servlet.ServletRequest r, jakarta.servlet.ServletResponse s,
                            jakarta.servlet.FilterChain c) {}
                })
                .listener(new NotAListener())
                .websocket(NotAnEndpoint.class)
                .attribute("x", null)
                .errorPage(200, "/ok")
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        ServletApp has 10 problems:
                          - context path 'shop/' must be "/" or start with '/' and not end with one, for example "/shop"
                          - two servlets are mapped to /items/*: dev.testlet.engine.ServletAppTest$A and \
                        dev.testlet.engine.ServletAppTest$B; a path can have one servlet, so map the second to another path
                          - the servlet for path '/null' is null; pass a servlet instance or class
                          - servlet class dev.testlet.engine.ServletAppTest$Abstract is abstract; pass a concrete class or an instance
                          - servlet class dev.testlet.engine.ServletAppTest$NoDefaultConstructor has no public no-argument \
                        constructor, so Jetty cannot create it; add one, or pass an instance
                          - filter path '/a*b' is not a servlet mapping; it must start with '/' ("/items", "/items/*") or \
                        be an extension mapping ("*.json")
                          - listener dev.testlet.engine.ServletAppTest$NotAListener implements no servlet listener interface; \
                        implement ServletContextListener (startup and shutdown) or a session, request or attribute listener
                          - WebSocket endpoint dev.testlet.engine.ServletAppTest$NotAnEndpoint is not annotated with \
                        @ServerEndpoint; annotate it, or register a ServerEndpointConfig for it
                          - attribute x = null: an attribute needs a name and a non-null value; to test without it, do not set it
                          - error page status 200 is not an error status; use 400 to 599""");
    }
}
