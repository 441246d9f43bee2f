package dev.testlet.examples.items;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} and a valid token;
 * otherwise answers 401 with {@code WWW-Authenticate: Bearer} and {@code {"error":"..."}}.
 *
 * <p>The valid tokens are the context attribute {@value #TOKENS} (a {@code Collection<String>}),
 * or else the context init parameter {@value #TOKENS} (comma-separated):
 *
 * <pre>{@code
 * ServletApp.builder().initParameter("tokens", "t1,t2")         // as in web.xml
 * ServletApp.builder().attribute("tokens", Set.of("t1", "t2"))  // wins over the init parameter
 * }</pre>
 */
public final class BearerAuthFilter extends HttpFilter {

    /** The name of the context attribute and of the init parameter that hold the valid tokens. */
    public static final String TOKENS = "tokens";

    private static final long serialVersionUID = 1L;
    private static final String SCHEME = "Bearer ";

    /** Creates the filter; it reads the valid tokens from the servlet context at each request. */
    public BearerAuthFilter() {}

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            refuse(response, "Bearer", "send Authorization: Bearer <token>");
            return;
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (!isValid(token, request.getServletContext())) {
            refuse(response, "Bearer error=\"invalid_token\"", "the bearer token is not valid");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isValid(String token, ServletContext context) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        // Compared in constant time, so response times do not reveal how much of a token was right.
        return validTokens(context).stream()
                .anyMatch(valid -> MessageDigest.isEqual(valid.getBytes(StandardCharsets.UTF_8), given));
    }

    private static Collection<String> validTokens(ServletContext context) {
        if (context.getAttribute(TOKENS) instanceof Collection<?> tokens) {
            return tokens.stream().map(String::valueOf).toList();
        }
        String parameter = context.getInitParameter(TOKENS);
        if (parameter == null) {
            return List.of();
        }
        return Arrays.stream(parameter.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static void refuse(HttpServletResponse response, String challenge, String error) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        AppJson.send(response, HttpServletResponse.SC_UNAUTHORIZED, new ErrorMessage(error));
    }
}
