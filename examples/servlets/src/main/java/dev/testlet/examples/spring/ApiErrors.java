package dev.testlet.examples.spring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;

/** Turns the app's exceptions, and requests no controller handles, into JSON errors. */
@RestControllerAdvice
public class ApiErrors {

    /** Instantiated by Spring. */
    public ApiErrors() {}

    /**
     * @param e the missing note
     * @return 404 {@code {"error":"note 7 not found"}}
     */
    @ExceptionHandler(NoteNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public ApiError notFound(NoteNotFoundException e) {
        return new ApiError(e.getMessage());
    }

    /**
     * @param e what was wrong with the request
     * @return 400 with the reason
     */
    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public ApiError badRequest(IllegalArgumentException e) {
        return new ApiError(e.getMessage());
    }

    /**
     * @param e the request no controller maps ({@code DispatcherServlet} throws it since Spring 6.1)
     * @return 404 {@code {"error":"no route for GET /nowhere"}}
     */
    @ExceptionHandler(NoHandlerFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public ApiError noRoute(NoHandlerFoundException e) {
        return new ApiError("no route for " + e.getHttpMethod() + " " + e.getRequestURL());
    }
}
