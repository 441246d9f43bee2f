package dev.testlet.examples.boot;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured tokens. A request without
 * a bearer token passes on unauthenticated (the authorization rules decide); an unknown token is
 * refused at once with a 401. Part of the security filter chain, not a bean (Boot would otherwise
 * register it with the container a second time).
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final Map<String, String> tokens;
    private final UserDetailsService users;
    private final AuthenticationEntryPoint refuse;

    BearerTokenFilter(Map<String, String> tokens, UserDetailsService users, AuthenticationEntryPoint refuse) {
        this.tokens = Map.copyOf(tokens);
        this.users = users;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String user = tokens.get(header.substring(PREFIX.length()).trim());
        if (user == null) {
            contexts.clearContext();
            refuse.commence(request, response, new BadCredentialsException("the bearer token is not valid"));
            return;
        }
        UserDetails details = users.loadUserByUsername(user);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
