package dev.testlet.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.websocket.core.exception.CloseException;
import org.eclipse.jetty.websocket.core.exception.WebSocketException;
import org.junit.jupiter.api.Test;

class TrackedFrameHandlerTest {

    @Test
    void the_endpoints_exception_is_unwrapped_from_jettys_and_jettys_own_closes_are_not_exceptions() {
        IllegalStateException thrown = new IllegalStateException("boom");

        assertThat(TrackedFrameHandler.appCause(new CloseException(1003, "Endpoint notification error", thrown)))
                .isSameAs(thrown);
        assertThat(TrackedFrameHandler.appCause(new CloseException(1011,
                new WebSocketException("Chat OPEN method error: boom", thrown)))).isSameAs(thrown);
        assertThat(TrackedFrameHandler.appCause(thrown)).isSameAs(thrown);
        assertThat(TrackedFrameHandler.appCause(new ClosedChannelException())).isNull();
        assertThat(TrackedFrameHandler.appCause(new CloseException(1006, new EofException("reset")))).isNull();
        assertThat(TrackedFrameHandler.appCause(new WebSocketException("protocol"))).isNull();
    }


    @Test
    void the_spi_names_testlets_boundary_classes_by_their_real_names() {
        StackTraceElement filter = new StackTraceElement(FrontFilter.class.getName(), "doFilter", null, 1);
        StackTraceElement handler = new StackTraceElement(TrackedFrameHandler.class.getName(), "onFrame", null, 1);
        StackTraceElement app = new StackTraceElement("com.example.ItemsServlet", "doGet", null, 1);

        assertThat(dev.testlet.engine.spi.ThreadDump.isAppBoundary(filter)).isTrue();
        assertThat(dev.testlet.engine.spi.ThreadDump.isAppBoundary(handler)).isTrue();
        assertThat(dev.testlet.engine.spi.ThreadDump.isAppBoundary(app)).isFalse();
    }
}
