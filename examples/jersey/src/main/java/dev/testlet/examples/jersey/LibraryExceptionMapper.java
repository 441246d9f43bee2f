package dev.testlet.examples.jersey;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link LibraryException} with its status and {@code {"error": "..."}}. */
@Provider
public final class LibraryExceptionMapper implements ExceptionMapper<LibraryException> {

    /** Created by Jersey. */
    public LibraryExceptionMapper() {}

    @Override
    public Response toResponse(LibraryException exception) {
        return Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(exception.getMessage()))
                .build();
    }
}
