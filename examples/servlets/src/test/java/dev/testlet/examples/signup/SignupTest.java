package dev.testlet.examples.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing up, with the welcome mail sent in the background by the app's executor; in-process and served. */
@InBothModes
class SignupTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(SignupApp.app());

    FakeMailer mailer = new FakeMailer();

    @BeforeEach
    void useTheFakeMailer(TestClient client) {
        client.override(Mailer.ATTRIBUTE, mailer);   // the extension removes it after the test
    }

    @Test
    void the_welcome_mail_is_sent_after_the_response_in_the_background(TestClient client) {
        mailer.hold();

        client.given().formParam("email", "ann@example.org").post("/signup").expectStatus(201);
        assertThat(mailer.sent()).as("not sent yet when the response arrives").isEmpty();

        mailer.release();
        client.awaitBackgroundTasks();
        assertThat(mailer.sent()).containsExactly("Welcome! -> ann@example.org");
    }

    @Test
    void an_address_is_registered_once(TestClient client) {
        client.given().formParam("email", "bob@example.org").post("/signup").expectStatus(201);
        client.given().formParam("email", "BOB@example.org").post("/signup").expectStatus(409)
                .expectJson("/error", "already registered");
    }

    @Test
    void fifty_concurrent_signups_of_one_address_create_one_account(TestClient client) {
        List<Response> all = client.concurrently(50, c -> c.given().formParam("email", "race@example.org").post("/signup"));

        assertThat(all).extracting(Response::status).containsOnly(201, 409);
        assertThat(all).filteredOn(r -> r.status() == 201).hasSize(1);
        client.awaitBackgroundTasks();
        assertThat(mailer.sent()).containsExactly("Welcome! -> race@example.org");
    }

    @Test
    void fifty_concurrent_signups_of_different_addresses_all_get_their_mail(TestClient client) {
        AtomicInteger next = new AtomicInteger();

        client.concurrently(50, c -> c.given().formParam("email", "user" + next.getAndIncrement() + "@example.org")
                .post("/signup").expectStatus(201));
        client.awaitBackgroundTasks();

        assertThat(mailer.sent()).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void the_outcome_can_be_polled_for_when_waiting_on_the_app_is_not_possible(TestClient client) {
        client.given().formParam("email", "eve@example.org").post("/signup").expectStatus(201);

        client.eventually(() -> mailer.sent().contains("Welcome! -> eve@example.org"));
    }

    @Test
    void a_missing_address_is_refused(TestClient client) {
        client.given().formParam("email", "nobody").post("/signup").expectStatus(422);
        client.awaitBackgroundTasks();
        assertThat(mailer.sent()).isEmpty();
    }
}
