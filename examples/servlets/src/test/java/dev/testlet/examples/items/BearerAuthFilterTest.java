package dev.testlet.examples.items;

import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authentication of the items API: the filter in front of the servlet, seen from a client. */
@InBothModes
class BearerAuthFilterTest {

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(ItemsApp.app());

    @Test
    void a_request_without_a_token_gets_401_with_a_bearer_challenge(TestClient client) {
        client.given().get("/items")
                .expectStatus(401)
                .expectHeader("WWW-Authenticate", "Bearer")
                .expectContentType("application/json")
                .expectJson("/error", "send Authorization: Bearer <token>");
    }

    @Test
    void a_request_with_a_wrong_token_gets_401(TestClient client) {
        client.given().bearerAuth("let-me-in-please")
                .get("/items")
                .expectStatus(401)
                .expectHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectJson("/error", "the bearer token is not valid");
    }

    @Test
    void a_request_with_another_scheme_gets_401(TestClient client) {
        client.given().basicAuth("admin", ItemsApp.TOKEN).get("/items").expectStatus(401);
    }

    @Test
    void a_request_with_the_token_gets_through(TestClient client) {
        TestClient authed = client.withHeader("Authorization", "Bearer " + ItemsApp.TOKEN);

        authed.given().get("/items").expectStatus(200).expectJson("", Map.of("items", List.of()));
        client.given().bearerAuth(ItemsApp.TOKEN).get("/items/{id}", 1).expectStatus(404);
    }

    @Test
    void a_refused_post_creates_nothing(TestClient client) {
        client.given().jsonBody(new NewItem("pen", BigDecimal.ONE)).post("/items").expectStatus(401);

        client.given().bearerAuth(ItemsApp.TOKEN).get("/items")
                .expectJsonMatching("/items", "no items", items -> items.isEmpty());
    }

    @Test
    void tokens_in_a_context_attribute_replace_the_init_parameter(TestClient client) {
        client.override(BearerAuthFilter.TOKENS, Set.of("rotated"));   // until the test ends

        client.given().bearerAuth("rotated").get("/items").expectStatus(200);
        client.given().bearerAuth(ItemsApp.TOKEN).get("/items").expectStatus(401);
    }
}
