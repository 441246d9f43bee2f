package dev.testlet.examples.boot;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events through Spring's {@code SseEmitter}, sent from Boot's task executor:
 * a task's progress (a few events, then the stream ends) and a clock that ticks until the client
 * goes away.
 */
@RestController
public class TaskProgressController {

    private static final long TIMEOUT_MS = Duration.ofSeconds(30).toMillis();

    private final TaskRepository tasks;
    private final AsyncTaskExecutor executor;
    private final AtomicInteger clockListeners = new AtomicInteger();

    /**
     * @param tasks the tasks table
     * @param executor Boot's {@code applicationTaskExecutor}
     */
    public TaskProgressController(TaskRepository tasks, AsyncTaskExecutor executor) {
        this.tasks = tasks;
        this.executor = executor;
    }

    /**
     * {@code progress} events at 0, 50 and 100 percent, then a {@code done} event with the task, then the end.
     *
     * @param id the task's id
     * @param stepMs the pause between events
     * @return the stream
     * @throws TaskNotFoundException when there is no such task (a 404 before any event)
     */
    @GetMapping(path = "/api/tasks/{id}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter progress(@PathVariable("id") long id, @RequestParam(name = "stepMs", defaultValue = "10") long stepMs) {
        Task task = tasks.findById(id).orElseThrow(() -> new TaskNotFoundException(id));
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        executor.execute(() -> {
            try {
                int eventId = 0;
                for (int percent = 0; percent <= 100; percent += 50) {
                    emitter.send(SseEmitter.event().id(String.valueOf(++eventId)).name("progress")
                            .data(Map.of("task", id, "percent", percent)));
                    Thread.sleep(stepMs);
                }
                emitter.send(SseEmitter.event().id(String.valueOf(++eventId)).name("done").data(task));
                emitter.complete();
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /**
     * A {@code tick} event every {@code everyMs} until the client disconnects (the next send fails).
     *
     * @param everyMs the pause between ticks
     * @return the endless stream
     */
    @GetMapping(path = "/api/clock", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter clock(@RequestParam(name = "everyMs", defaultValue = "100") long everyMs) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        clockListeners.incrementAndGet();
        executor.execute(() -> {
            try {
                for (long tick = 1; ; tick++) {
                    emitter.send(SseEmitter.event().name("tick").data("tick " + tick));
                    Thread.sleep(everyMs);
                }
            } catch (IOException | RuntimeException e) {
                emitter.completeWithError(e);   // the client went away, or the stream timed out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the app is stopping
                emitter.complete();
            } finally {
                clockListeners.decrementAndGet();
            }
        });
        return emitter;
    }

    /**
     * @return {@code {"count": n}}: the clock streams still running
     */
    @GetMapping("/api/clock/listeners")
    public Map<String, Integer> clockListeners() {
        return Map.of("count", clockListeners.get());
    }
}
