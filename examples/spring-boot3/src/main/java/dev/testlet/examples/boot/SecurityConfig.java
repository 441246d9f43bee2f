package dev.testlet.examples.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Spring Security for the API: stateless bearer tokens. Reading ({@code GET /api/**}), the WebSocket
 * feed and Boot's {@code /error} page are public; writing needs a token; deleting needs ADMIN. A
 * missing or unknown token is a 401 problem with {@code WWW-Authenticate: Bearer}; a known user
 * without the role gets Boot's 403 error page.
 */
@Configuration
public class SecurityConfig {

    /** Instantiated by Spring. */
    public SecurityConfig() {}

    @Bean
    SecurityFilterChain api(HttpSecurity http, TasksProperties properties, UserDetailsService users, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("WWW-Authenticate",
                    e instanceof BadCredentialsException ? "Bearer error=\"invalid_token\"" : "Bearer");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("title", "Unauthorized", "status", 401,
                    "detail", e.getMessage(), "instance", request.getRequestURI()));
        };
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers("/ws/**", "/error").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/tasks/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .addFilterBefore(new BearerTokenFilter(properties.tokens(), users, unauthorized), AuthorizationFilter.class)
                .build();
    }

    /**
     * The users the tokens stand for, with their roles. They have no password: only tokens log in.
     */
    @Bean
    UserDetailsService users(TasksProperties properties) {
        return new InMemoryUserDetailsManager(properties.roles().entrySet().stream()
                .map(user -> User.withUsername(user.getKey()).password("{noop}").roles(user.getValue().toArray(String[]::new)).build())
                .toArray(UserDetails[]::new));
    }
}
