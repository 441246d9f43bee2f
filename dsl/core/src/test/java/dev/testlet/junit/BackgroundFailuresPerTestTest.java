package dev.testlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.testlet.TestClient;
import dev.testlet.engine.ServletApp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Background work a test's requests started and that failed is reported to that test when it ends,
 * even on an app the class shares, and never again to a later test or to the class.
 */
class BackgroundFailuresPerTestTest {

    /** Queues a mail on the executor Testlet lends the app; the mail server is down. */
    public static class SendsMail extends HttpServlet {
        @Override
        @SuppressWarnings("unchecked")
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            ExecutorService mailQueue = (ExecutorService) getServletContext().getAttribute("mailQueue");
            BlockingQueue<Future<?>> queued = (BlockingQueue<Future<?>>) getServletContext().getAttribute("queued");
            queued.add(mailQueue.submit((Callable<Void>) () -> {
                throw new IllegalStateException("mail server down");
            }));
            resp.setStatus(202);
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            resp.setStatus(200);
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeavesAFailedTask {
        static final BlockingQueue<Future<?>> QUEUED = new LinkedBlockingQueue<>();

        @RegisterExtension
        static TestletExtension testlet = TestletExtension.forApp(ServletApp.builder()
                .servlet("/mail", SendsMail.class).backgroundExecutor("mailQueue").attribute("queued", QUEUED).build());

        @Test
        @Order(1)
        void queues_a_mail_that_fails_after_the_response(TestClient client) throws Exception {
            client.given().post("/mail").expectStatus(202);
            Future<?> mail = QUEUED.poll(5, TimeUnit.SECONDS);
            // The task has failed once its Future says so; the test ends without asking the app.
            assertThat(catchThrowable(() -> mail.get(5, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class);
        }

        @Test
        @Order(2)
        void runs_after_it_and_is_not_blamed(TestClient client) {
            client.given().get("/mail").expectStatus(200);
            client.awaitBackgroundTasks();
        }
    }

    @Test
    void the_test_whose_request_started_the_failed_task_fails_and_no_other() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LeavesAFailedTask.class)).execute()
                .allEvents();

        events.assertStatistics(s -> s.failed(1));
        events.assertThatEvents().haveExactly(1, event(test("queues_a_mail_that_fails_after_the_response"),
                finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.startsWith(
                        "expected : the background work started by the requests of LeavesAFailedTask >"
                                + " queues_a_mail_that_fails_after_the_response(TestClient) to succeed\n"
                                + "but      : a background task of the app failed: java.lang.IllegalStateException:"
                                + " mail server down")))));
        events.assertThatEvents().haveExactly(1, event(test("runs_after_it_and_is_not_blamed"),
                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()));
    }
}
