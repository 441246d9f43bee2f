package dev.testlet.examples.boot;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the app's errors as RFC 9457 problem details ({@code application/problem+json}), written by
 * Boot's Jackson like every other body.
 */
@RestControllerAdvice
public class ApiErrors {

    /** Instantiated by Spring. */
    public ApiErrors() {}

    /**
     * @param e the missing task
     * @return 404 {@code {"title":"Not Found","detail":"task 7 not found",...}}
     */
    @ExceptionHandler(TaskNotFoundException.class)
    public ProblemDetail notFound(TaskNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /**
     * @param e what Bean Validation found wrong with the body
     * @return 400 with {@code errors}: one {@code {"field":..., "message":...}} per invalid field, sorted by field
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the task is not valid");
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }
}
