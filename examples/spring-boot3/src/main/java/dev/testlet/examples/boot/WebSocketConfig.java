package dev.testlet.examples.boot;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Maps the {@link TaskFeed} handler to {@code /ws/tasks}.
 *
 * <p>The upgrade goes through the standard Jakarta WebSocket 2.1 API
 * ({@code ServerContainer.upgradeHttpToWebSocket}), which every EE 10 container implements. Left to
 * itself, Spring 6.2 picks a container-specific strategy by looking at the class path, and a WAR build
 * has Tomcat's WebSocket classes there ({@code spring-boot-starter-tomcat} is {@code provided}, so
 * tests see it too): deployed on any other container, Jetty included, every handshake would then fail
 * with a {@code ClassCastException} to Tomcat's {@code WsServerContainer}.
 */
@Configuration
@EnableWebSocket
public class WebSocketConfig implements WebSocketConfigurer {

    private final TaskFeed feed;

    /**
     * @param feed the handler
     */
    public WebSocketConfig(TaskFeed feed) {
        this.feed = feed;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(feed, "/ws/tasks")
                .setHandshakeHandler(new DefaultHandshakeHandler(new StandardWebSocketUpgradeStrategy()));
    }
}
