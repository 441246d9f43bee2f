package dev.testlet.examples.boot;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app's settings under {@code tasks.*} in {@code application.properties}: who may call the API.
 *
 * <pre>{@code
 * tasks.tokens.alice-token=alice
 * tasks.roles.alice=USER
 * tasks.roles.admin=USER,ADMIN
 * }</pre>
 *
 * @param tokens bearer tokens and the user each one stands for
 * @param roles each user's roles
 */
@ConfigurationProperties("tasks")
public record TasksProperties(Map<String, String> tokens, Map<String, List<String>> roles) {

    /**
     * @param tokens bearer tokens and their users; none when the property is missing
     * @param roles users and their roles; none when the property is missing
     */
    public TasksProperties {
        tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }
}
