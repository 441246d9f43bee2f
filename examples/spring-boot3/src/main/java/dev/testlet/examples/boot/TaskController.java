package dev.testlet.examples.boot;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.logging.Logger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tasks API. Reading is public; creating needs a bearer token; deleting needs the ADMIN role
 * (see {@link SecurityConfig}). Errors are answered by {@link ApiErrors}.
 */
@RestController
@RequestMapping("/api/tasks")
public class TaskController {

    private static final Logger LOG = Logger.getLogger(TaskController.class.getName());

    private final TaskRepository tasks;
    private final TaskFeed feed;

    /**
     * @param tasks the tasks table
     * @param feed the WebSocket feed told about new tasks
     */
    public TaskController(TaskRepository tasks, TaskFeed feed) {
        this.tasks = tasks;
        this.feed = feed;
    }

    /**
     * @return every task
     */
    @GetMapping
    public List<Task> list() {
        return tasks.findAll();
    }

    /**
     * @param id the task's id
     * @return the task
     * @throws TaskNotFoundException when there is none (a 404)
     */
    @GetMapping("/{id}")
    public Task get(@PathVariable("id") long id) {
        return tasks.findById(id).orElseThrow(() -> new TaskNotFoundException(id));
    }

    /**
     * Stores a task for the authenticated user and tells the feed.
     *
     * @param task the posted task, validated (a 400 listing the invalid fields otherwise)
     * @param user who is posting
     * @return 201 with the task and its {@code Location}
     */
    @PostMapping
    public ResponseEntity<Task> create(@Valid @RequestBody NewTask task, Principal user) {
        Task stored = tasks.insert(task.title(), user.getName());
        LOG.info(() -> "task " + stored.id() + " created by " + stored.owner());
        feed.created(stored);
        return ResponseEntity.created(URI.create("/api/tasks/" + stored.id())).body(stored);
    }

    /**
     * @param id the task's id
     * @return 204
     * @throws TaskNotFoundException when there is none (a 404)
     */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable("id") long id) {
        if (!tasks.delete(id)) {
            throw new TaskNotFoundException(id);
        }
        return ResponseEntity.noContent().build();
    }
}
