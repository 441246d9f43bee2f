package dev.testlet.examples.boot;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Maps the {@link TaskFeed} handler to {@code /ws/tasks}. Spring 7 always upgrades through the standard
 * Jakarta WebSocket API ({@code ServerContainer.upgradeHttpToWebSocket}); Spring 6.2 chose a
 * container-specific strategy from the class path, which the Boot 3.5 example has to override.
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
        registry.addHandler(feed, "/ws/tasks");
    }
}
