package dev.testlet.examples.spring;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The trivial endpoint the benchmarks share: {@code GET /ping} answers {@code {"ok":true}}. */
@RestController
public class PingController {

    private static final Ping OK = new Ping(true);

    /** Instantiated by Spring (or by a standalone MockMvc setup). */
    public PingController() {}

    /**
     * Answers that the app is up.
     *
     * @return {@code {"ok":true}}
     */
    @GetMapping("/ping")
    public Ping ping() {
        return OK;
    }

    /**
     * The ping answer.
     *
     * @param ok always true
     */
    public record Ping(boolean ok) {}
}
