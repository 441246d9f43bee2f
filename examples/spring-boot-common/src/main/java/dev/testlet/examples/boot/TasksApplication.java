package dev.testlet.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.support.SpringBootServletInitializer;

/**
 * The tasks app, the same class for Spring Boot 3.5 (Jakarta EE 10) and Spring Boot 4 (Jakarta EE 11):
 * packaged the traditional way, as a WAR a servlet container deploys. The container finds this class
 * through Spring's {@code SpringServletContainerInitializer}, which calls {@link #onStartup}; Boot then
 * builds its context on the container's {@code ServletContext} and starts no server of its own.
 *
 * <pre>{@code
 * // in a test: the same deployment, on Testlet's in-process Jetty
 * ServletApp app = ServletApp.builder()
 *     .initializer(new SpringServletContainerInitializer(), TasksApplication.class)
 *     .webSocketContainer()
 *     .build();
 * }</pre>
 */
@SpringBootApplication
@EnableConfigurationProperties(TasksProperties.class)
public class TasksApplication extends SpringBootServletInitializer {

    /** Instantiated by {@code SpringServletContainerInitializer}, which needs a public no-argument constructor. */
    public TasksApplication() {}

    @Override
    protected SpringApplicationBuilder configure(SpringApplicationBuilder builder) {
        return builder.sources(TasksApplication.class);
    }

    /**
     * Runs the app on Boot's embedded server (Tomcat, which this WAR-style build marks {@code provided}).
     *
     * @param args Spring Boot arguments, such as {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(TasksApplication.class, args);
    }
}
