package dev.testlet.examples.jersey;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a {@link Secured} request through only with {@code Authorization: Bearer <token>}, the token
 * being the context parameter {@link LibraryApplication#TOKEN}; anything else is a 401 with
 * {@code WWW-Authenticate: Bearer realm="library"} and an {@link ApiError}.
 */
@Provider
@Secured
@Priority(Priorities.AUTHENTICATION)
public final class BearerTokenFilter implements ContainerRequestFilter {

    @Context
    private ServletContext servletContext;

    /** Created by Jersey, which then injects the servlet context. */
    public BearerTokenFilter() {}

    @Override
    public void filter(ContainerRequestContext request) {
        String expected = "Bearer " + servletContext.getInitParameter(LibraryApplication.TOKEN);
        String given = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"library\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(given == null ? "a bearer token is required" : "the bearer token is not valid"))
                    .build());
        }
    }
}
