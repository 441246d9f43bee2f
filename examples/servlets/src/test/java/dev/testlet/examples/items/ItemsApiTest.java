package dev.testlet.examples.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.testlet.JsonComparison;
import dev.testlet.Response;
import dev.testlet.TestClient;
import dev.testlet.junit.InBothModes;
import dev.testlet.junit.TestletExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;

/**
 * The items API through the public DSL: a fresh app with two items for every test, and every test run
 * twice, in-process and on a real port. Most tests check the fields they are about; one compares whole
 * responses with a snapshot, in which the ids and creation times the app generates are redacted.
 */
@InBothModes
class ItemsApiTest {

    static final NewItem PEN = new NewItem("pen", new BigDecimal("1.50"));
    static final NewItem PENCIL = new NewItem("pencil", new BigDecimal("0.80"));

    @RegisterExtension
    static TestletExtension testlet = TestletExtension.forApp(() -> ItemsApp.app(ItemRepository.of(PEN, PENCIL)))
            .perTest()
            .withClient(client -> client.withHeader("Authorization", "Bearer " + ItemsApp.TOKEN)
                    // in snapshots: the ids and creation times the app generates, and the id in a Location
                    .withRedactedJson("/id", "/createdAt", "/items/*/id", "/items/*/createdAt")
                    .withRedactedText("/items/\\d+", "/items/[id]"));

    @Test
    void list_returns_every_item(TestClient client) {
        client.given().get("/items")
                .expectStatus(200)
                .expectContentType("application/json")
                .expectJsonMatching("/items", "two items", items -> items.size() == 2)
                // lenient: the fields named must match, and others (the item's createdAt) may be there too
                .expectJson("/items/0", Map.of("id", 1, "name", "pen", "price", 1.50), JsonComparison.lenient())
                .expectJson("/items/1/name", "pencil");
    }

    @Test
    void list_reads_as_typed_values(TestClient client) {
        Response response = client.given().get("/items").expectStatus(200);

        List<Item> items = response.bodyAs(ItemList.class).items();
        assertThat(items).extracting(Item::id, Item::name, Item::price)
                .containsExactly(tuple(1L, "pen", new BigDecimal("1.50")), tuple(2L, "pencil", new BigDecimal("0.80")));
        Map<String, List<Item>> body = response.bodyAs(new TypeReference<Map<String, List<Item>>>() {});
        assertThat(body.get("items")).isEqualTo(items);
    }

    @Test
    void get_returns_the_item(TestClient client) {
        Item item = client.given().get("/items/{id}", 2)
                .expectStatus(200)
                .expectJson("/name", "pencil")
                .expectJson("/price", 0.8)   // numbers compare by value
                .bodyAs(Item.class);

        assertThat(item.price()).isEqualTo(new BigDecimal("0.80"));
        assertThat(item.createdAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void get_of_a_missing_item_returns_404_with_an_error(TestClient client) {
        client.given().get("/items/{id}", 7)
                .expectStatus(404)
                .expectContentType("application/json")
                .expectJson("", Map.of("error", "item 7 not found"));
    }

    @Test
    void get_of_a_path_that_is_no_id_returns_404(TestClient client) {
        client.given().get("/items/{id}", "pen").expectStatus(404).expectJson("/error", "item pen not found");
    }

    @Test
    void create_returns_201_with_location(TestClient client) {
        Response created = client.given().jsonBody(new NewItem("eraser", new BigDecimal("0.75"))).post("/items");

        client.softly(() -> {   // checks them all, then fails listing every one that did not hold
            created.expectStatus(201);
            created.expectHeader("Location", "/items/3");
            created.expectContentType("application/json");
            created.expectJson("/id", 3);
            created.expectJson("/name", "eraser");
            created.expectJson("/price", 0.75);
        });
        client.given().get(created.header("Location"))
                .expectStatus(200)
                .expectJson("", created.json());
    }

    @Test
    void create_from_an_html_form_returns_201(TestClient client) {
        client.given()
                .formParam("name", "sharpener")
                .formParam("price", "2.40")
                .post("/items")
                .expectStatus(201)
                .expectHeader("Location", "/items/3")
                .expectJson("/name", "sharpener")
                .expectJson("/price", 2.4);
    }

    @Test
    void create_rejects_a_blank_name_with_422(TestClient client) {
        client.given()
                .jsonBody(Map.of("name", "  ", "price", 1))
                .post("/items")
                .expectStatus(422)
                .expectJson("/errors/0/field", "name")
                .expectJson("/errors/0/message", "must not be blank")
                .expectJsonMatching("/errors", "exactly one error", errors -> errors.size() == 1);
    }

    @Test
    void create_rejects_a_negative_price_with_422(TestClient client) {
        client.given()
                .jsonBody(new NewItem("refund", new BigDecimal("-1")))
                .post("/items")
                .expectStatus(422)
                .expectJson("/errors", List.of(new FieldError("price", "must not be negative")));
    }

    @Test
    void create_reports_every_invalid_field_at_once(TestClient client) {
        // GIVEN a body with no name and a price that is not a number
        Response response = client.given()
                .body("{\"price\": \"cheap\"}", "application/json")
        // WHEN it is posted
                .post("/items");

        // THEN both fields are reported, in field order, and nothing was created
        response.expectStatus(422)
                .expectJson("", Map.of("errors", List.of(
                        Map.of("field", "name", "message", "must not be blank"),
                        Map.of("field", "price", "message", "must be a number"))));
        assertThat(response.bodyAs(FieldErrors.class).errors()).extracting(FieldError::field).containsExactly("name", "price");
        client.given().get("/items").expectJsonMatching("/items", "still two items", items -> items.size() == 2);
    }

    @Test
    void create_rejects_malformed_json_with_400(TestClient client) {
        client.given()
                .body("{\"name\": \"pen\",", "application/json")
                .post("/items")
                .expectStatus(400)
                .expectJson("/errors/0/field", "body")
                .expectJsonMatching("/errors/0/message", "a JSON syntax error",
                        message -> message.asString().startsWith("is not valid JSON"));
    }

    @Test
    void create_rejects_a_body_that_is_neither_json_nor_a_form_with_415(TestClient client) {
        client.given()
                .body("pen,1.50", "text/csv")
                .post("/items")
                .expectStatus(415)
                .expectJson("/errors/0/field", "body");
    }

    @Test
    void delete_returns_204_and_removes_the_item(TestClient client) {
        client.given().delete("/items/{id}", 1).expectStatus(204).expectBody("");

        client.given().get("/items/{id}", 1).expectStatus(404);
        client.given().get("/items")
                .expectJson("/items", List.of(Map.of("id", 2, "name", "pencil")), JsonComparison.lenient());
        client.given().delete("/items/{id}", 1).expectStatus(404).expectJson("/error", "item 1 not found");
    }

    @Test
    void non_ascii_names_round_trip_as_utf8(TestClient client) {
        String name = "Bleistift „Härte B“ ✏️ 鉛筆";

        Response created = client.given().jsonBody(new NewItem(name, BigDecimal.ONE)).post("/items").expectStatus(201);

        client.given().get(created.header("Location"))
                .expectJson("/name", name)
                .expectBodyContains(name);
        assertThat(created.bytes()).containsSequence(name.getBytes(StandardCharsets.UTF_8));
        assertThat(created.bodyAs(Item.class).name()).isEqualTo(name);
    }

    @Test
    void non_ascii_form_fields_round_trip_as_utf8(TestClient client) {
        client.given()
                .formParam("name", "Füller – grün")
                .formParam("price", "12.90")
                .post("/items")
                .expectStatus(201)
                .expectJson("/name", "Füller – grün");
    }

    @Test
    void a_created_item_and_the_list_match_their_snapshots(TestClient client) {
        client.given().jsonBody(new NewItem("eraser", new BigDecimal("0.75"))).post("/items")
                .expectStatus(201)
                .expectSnapshot("created");

        client.given().get("/items").expectSnapshot("listed");
    }
}
