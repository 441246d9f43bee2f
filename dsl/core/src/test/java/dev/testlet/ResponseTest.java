package dev.testlet;

import static dev.testlet.Failures.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import tools.jackson.core.type.TypeReference;

class ResponseTest {

    static TestClient client;

    @BeforeAll
    static void start() {
        client = Testlet.start(TestApps.all());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    record Owner(String name, String email) {}

    record Doc(int id, String name, double price, List<String> tags, Owner owner) {}

    record IdOnly(int id) {}

    @Test
    void reads_status_headers_and_text_decoded_by_the_declared_charset() {
        Response utf8 = client.given().get("/text");
        Response latin1 = client.given().queryParam("charset", "ISO-8859-1").get("/text");

        assertThat(utf8.status()).isEqualTo(200);
        assertThat(utf8.text()).isEqualTo("héllo wörld");
        assertThat(latin1.text()).isEqualTo("héllo wörld");
        assertThat(latin1.bytes()).hasSize(11);
        assertThat(utf8.header("content-type")).isEqualTo("text/plain;charset=utf-8");
    }

    @Test
    void raw_bytes_are_always_available() {
        byte[] bytes = client.given().get("/bytes").bytes();

        assertThat(bytes).hasSize(256);
        assertThat(bytes[255]).isEqualTo((byte) 255);
    }

    @Test
    void json_and_pointers_read_values() {
        Response r = client.given().get("/json");

        assertThat(r.json().get("name").asString()).isEqualTo("pen");
        assertThat(r.json("/owner/name").asString()).isEqualTo("Zoë");
        assertThat(r.json("/items/1/id").asInt()).isEqualTo(2);
    }

    @Test
    void body_as_reads_records_and_generic_lists() {
        Doc doc = client.given().get("/json").bodyAs(Doc.class);
        List<IdOnly> ids = client.given().get("/list").bodyAs(new TypeReference<List<IdOnly>>() {});

        assertThat(doc.owner().name()).isEqualTo("Zoë");
        assertThat(doc.tags()).containsExactly("a", "b");
        assertThat(ids).containsExactly(new IdOnly(1), new IdOnly(2));
    }

    @Test
    void body_as_at_a_pointer_reads_part_of_the_document() {
        Response r = client.given().get("/json");

        assertThat(r.bodyAs("/owner", Owner.class)).isEqualTo(new Owner("Zoë", null));
        assertThat(r.bodyAs("/items", new TypeReference<List<IdOnly>>() {})).containsExactly(new IdOnly(1), new IdOnly(2));
        expectFailure(() -> r.bodyAs("/missing", Owner.class))
                .hasFact("but", "the document has no field \"missing\"; its fields are [id, name, price, tags, owner, items, count]");
    }

    @Test
    void expect_json_compares_as_json_numbers_by_value_objects_regardless_of_order() {
        client.given().get("/json")
                .expectJson("/id", 3)
                .expectJson("/id", 3L)
                .expectJson("/id", 3.0)
                .expectJson("/price", 1.5)
                .expectJson("/name", "pen")
                .expectJson("/tags", List.of("a", "b"))
                .expectJson("/owner", new Owner("Zoë", null))
                .expectJson("/owner/email", null)
                .expectJson("/items", List.of(Map.of("id", 1), Map.of("id", 2)));
    }

    @Test
    void expect_json_failure_shows_expected_actual_and_the_kind_when_types_differ() {
        expectFailure(() -> client.given().get("/json").expectJson("/count", 3))
                .hasFact("expected JSON at /count", "3")
                .hasFact("but was", "\"3\"")
                .hasFact("note", "expected a number, found a string")
                .hasFact("request", "GET /json");
    }

    @Test
    void expect_json_failure_attaches_expected_and_actual_for_ide_diffs() {
        AssertionError error = expectFailure(() -> client.given().get("/json").expectJson("/owner/name", "Zoe")).error();

        assertThat(error).isInstanceOf(AssertionFailedError.class);
        assertThat(((AssertionFailedError) error).getExpected().getStringRepresentation()).isEqualTo("\"Zoe\"");
        assertThat(((AssertionFailedError) error).getActual().getStringRepresentation()).isEqualTo("\"Zoë\"");
    }

    @Test
    void expect_json_on_a_missing_value_says_where_the_document_ends() {
        expectFailure(() -> client.given().get("/json").expectJson("/items/5/id", 1))
                .hasFact("but", "there is no value there: /items is an array of 2 elements (0..1), so it has no element 5");
        expectFailure(() -> client.given().get("/json").expectJson("/owner/phone", "1"))
                .hasFactContaining("but", "/owner has no field \"phone\"; its fields are [name, email]");
    }

    @Test
    void an_invalid_pointer_is_refused_with_did_you_mean() {
        Response r = client.given().get("/json");

        assertThatThrownBy(() -> r.expectJson("$.items[0].id", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'$.items[0].id' is not a JSON Pointer (RFC 6901): it must be \"\" for the whole document"
                        + " or start with '/'; did you mean \"/items/0/id\"?");
        assertThatThrownBy(() -> r.json("owner.name")).hasMessageContaining("did you mean \"/owner/name\"?");
    }

    @Test
    void json_on_a_body_that_is_not_json_names_the_problem_and_the_fix() {
        expectFailure(() -> client.given().get("/text").expectJson("/a", 1))
                .hasFact("expected", "a JSON body for expectJson(\"/a\", ...)")
                .hasFactContaining("but", "the body is not JSON")
                .hasFact("content type", "text/plain;charset=utf-8")
                .hasFact("to read it as text", "response.text()");
    }

    @Test
    void body_as_a_type_jackson_cannot_build_names_the_type() {
        expectFailure(() -> client.given().get("/json").bodyAs(new TypeReference<List<Doc>>() {}))
                .hasFact("expected", "a body Jackson can read as java.util.List<dev.testlet.ResponseTest$Doc>")
                .hasFact("to look at it", "response.json() or response.text()");
    }

    @Test
    void expect_json_matching_uses_a_predicate_and_an_optional_description() {
        Response r = client.given().get("/json").expectJsonMatching("/items", items -> items.size() == 2);

        expectFailure(() -> r.expectJsonMatching("/id", "an even id", id -> id.asInt() % 2 == 0))
                .hasFact("expected JSON at /id", "an even id")
                .hasFact("but was", "3");
    }

    @Test
    void expect_status_failure_shows_both_and_the_exchange() {
        expectFailure(() -> client.given().get("/status/404").expectStatus(200))
                .hasFact("expected status", "200")
                .hasFact("but was", "404 Not Found")
                .hasFact("request", "GET /status/404")
                .mentions("--- response: 404 Not Found")
                .mentions("\"status\" : 404")
                .mentions("curl -X GET 'http://localhost:8080/status/404'");
    }

    @Test
    void expect_header_and_no_header() {
        Response r = client.given().get("/json").expectHeader("Content-Type", "application/json;charset=utf-8")
                .expectNoHeader("Location")
                .expectHeaderMatching("Content-Length", "a number", v -> v.matches("\\d+"));

        expectFailure(() -> r.expectHeader("Location", "/x"))
                .hasFact("expected header Location", "/x")
                .hasFact("but", "there is no Location header");
        expectFailure(() -> r.expectNoHeader("Content-Type"))
                .hasFact("expected", "no Content-Type header");
    }

    @Test
    void expect_content_type_compares_the_media_type_or_every_parameter_when_given() {
        Response r = client.given().get("/json")
                .expectContentType("application/json")
                .expectContentType("application/json; charset=utf-8");

        expectFailure(() -> r.expectContentType("text/html"))
                .hasFact("expected content type", "text/html")
                .hasFact("but was", "application/json;charset=utf-8");
    }

    @Test
    void expect_body_and_body_contains() {
        Response r = client.given().get("/text").expectBody("héllo wörld").expectBodyContains("wörld");

        expectFailure(() -> r.expectBodyContains("bye")).hasFact("expected body containing", "\"bye\"");
    }

    @Test
    void expect_cookie_checks_what_this_response_set() {
        Response r = client.given().queryParam("name", "theme").queryParam("value", "dark").get("/cookies/set")
                .expectCookie("theme", "dark");

        assertThat(r.cookie("theme")).isEqualTo("dark");
        expectFailure(() -> r.expectCookie("lang", "en")).hasFact("but", "the response sets only [theme]");
    }

    @Test
    void failure_messages_mask_secrets() {
        expectFailure(() -> client.given().bearerAuth("s3cr3t").cookie("sid", "abc").get("/status/500").expectStatus(200))
                .mentions("Authorization: Bearer ***")
                .mentions("Cookie: sid=***")
                .doesNotMention("s3cr3t")
                .doesNotMention("sid=abc");
    }

    @Test
    void failure_messages_keep_harmless_cookies_so_the_curl_line_replays_and_mask_the_names_a_client_lists() {
        TestClient tenant = client.withMaskedNames("X-Tenant");

        expectFailure(() -> tenant.given().header("X-Tenant", "acme").cookie("theme", "dark").cookie("JSESSIONID", "f00")
                .get("/status/500").expectStatus(200))
                .mentions("X-Tenant: ***")
                .mentions("Cookie: theme=dark; JSESSIONID=***")
                .mentions("(*** hides a secret value; run with -Dtestlet.reveal=true to see it on your machine)")
                .doesNotMention("acme")
                .doesNotMention("f00");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tenant.withMaskedNames(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withMaskedNames needs one or more header or cookie names");
    }
}
