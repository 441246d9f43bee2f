package dev.testlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.fixtures.TestApps;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RequestSpecTest {

    static TestClient client;

    @BeforeAll
    static void start() {
        client = Testlet.start(TestApps.all());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void headers_reach_the_app_and_repeat_when_added_twice() {
        JsonNode echo = client.given().header("X-Trace", 7).header("X-Trace", "eight").get("/echo").json();

        assertThat(echo.at("/headers/x-trace").toString()).isEqualTo("[\"7\",\"eight\"]");
    }

    @Test
    void query_params_are_percent_encoded_in_utf8_and_decoded_by_the_app() {
        JsonNode echo = client.given()
                .queryParam("q", "café & tea")
                .queryParam("tag", List.of("a", "b"))
                .queryParam("empty", "")
                .get("/echo").json();

        assertThat(echo.at("/query").asString()).isEqualTo("q=caf%C3%A9%20%26%20tea&tag=a&tag=b&empty=");
        assertThat(echo.at("/params/q/0").asString()).isEqualTo("café & tea");
        assertThat(echo.at("/params/tag").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void query_params_append_to_a_query_already_in_the_path() {
        JsonNode echo = client.given().queryParam("b", 2).get("/echo?a=1").json();

        assertThat(echo.at("/query").asString()).isEqualTo("a=1&b=2");
    }

    @Test
    void path_templates_fill_placeholders_in_order_and_encode_each_value_as_one_segment() {
        JsonNode echo = client.given().get("/echo/{kind}/{name}", "items", "zoë & co").json();

        assertThat(echo.at("/path").asString()).isEqualTo("/echo/items/zo%C3%AB%20%26%20co");
    }

    @Test
    void a_slash_in_a_template_value_is_encoded_and_jetty_refuses_it_as_it_would_in_production() {
        Response r = client.given().get("/echo/{name}", "a/b");

        assertThat(r.exchange().request().target()).isEqualTo("/echo/a%2Fb");
        r.expectStatus(400).expectBodyContains("Ambiguous URI path separator");
    }

    @Test
    void literal_paths_with_spaces_and_non_ascii_are_encoded() {
        JsonNode echo = client.given().get("/echo/zoë café").json();

        assertThat(echo.at("/path").asString()).isEqualTo("/echo/zo%C3%AB%20caf%C3%A9");
    }

    @Test
    void json_body_is_sent_as_utf8_json() {
        record Item(String name, int qty) {}

        JsonNode echo = client.given().jsonBody(new Item("crème", 2)).post("/echo").json();

        assertThat(echo.at("/headers/content-type/0").asString()).isEqualTo("application/json");
        assertThat(echo.at("/body").asString()).isEqualTo("{\"name\":\"crème\",\"qty\":2}");
    }

    @Test
    void text_body_uses_the_charset_its_content_type_names_and_keeps_the_content_type_as_given() {
        Response latin = client.given().body("é", "text/plain; charset=ISO-8859-1").post("/echo");
        Response plain = client.given().body("é", "text/plain").put("/echo");

        assertThat(latin.exchange().request().headers().first("Content-Type")).isEqualTo("text/plain; charset=ISO-8859-1");
        latin.expectJson("/headers/content-length/0", "1").expectJson("/body", "\uFFFD");
        assertThat(plain.exchange().request().headers().first("Content-Type")).isEqualTo("text/plain");
        plain.expectJson("/headers/content-length/0", "2").expectJson("/body", "é");
    }

    @Test
    void byte_body_is_sent_unchanged() {
        byte[] bytes = {0, 1, 2, (byte) 255};

        JsonNode echo = client.given().body(bytes, "application/octet-stream").patch("/echo").json();

        assertThat(echo.at("/method").asString()).isEqualTo("PATCH");
        assertThat(echo.at("/headers/content-length/0").asString()).isEqualTo("4");
    }

    @Test
    void form_params_are_url_encoded_and_read_by_getParameter() {
        JsonNode echo = client.given().formParam("user", "zoë").formParam("note", "a&b=c").post("/echo").json();

        assertThat(echo.at("/headers/content-type/0").asString()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(echo.at("/params/user/0").asString()).isEqualTo("zoë");
        assertThat(echo.at("/params/note/0").asString()).isEqualTo("a&b=c");
    }

    @Test
    void multipart_fields_and_files_reach_getParts_with_their_names_types_and_content() {
        JsonNode parts = client.given()
                .multipartField("title", "Été")
                .multipartFile("upload", "report.csv", "a,b\n1,2".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/upload")
                .expectStatus(200)
                .json();

        assertThat(parts.size()).isEqualTo(2);
        assertThat(parts.at("/0/name").asString()).isEqualTo("title");
        assertThat(parts.at("/0/text").asString()).isEqualTo("Été");
        assertThat(parts.at("/1/filename").asString()).isEqualTo("report.csv");
        assertThat(parts.at("/1/type").asString()).isEqualTo("text/csv");
        assertThat(parts.at("/1/size").asInt()).isEqualTo(7);
    }

    @Test
    void multipart_works_with_put_too() {
        client.given().multipartFile("f", "x.txt", new byte[] {'x'}, "text/plain").put("/echo").expectStatus(200);
    }

    @Test
    void basic_and_bearer_auth_set_the_authorization_header() {
        JsonNode basic = client.given().basicAuth("zoë", "pw:1").get("/echo").json();
        JsonNode bearer = client.given().bearerAuth("t0k3n").get("/echo").json();

        assertThat(basic.at("/headers/authorization/0").asString())
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString("zoë:pw:1".getBytes(StandardCharsets.UTF_8)));
        assertThat(bearer.at("/headers/authorization/0").asString()).isEqualTo("Bearer t0k3n");
    }

    @Test
    void request_cookies_are_sent_in_one_cookie_header() {
        JsonNode echo = client.given().cookie("a", 1).cookie("b", "two").get("/echo").json();

        assertThat(echo.at("/cookies")).hasToString("{\"a\":\"1\",\"b\":\"two\"}");
    }

    @Test
    void a_spec_is_immutable_and_can_be_reused_for_several_requests() {
        RequestSpec base = client.given().header("X-Base", "1");
        RequestSpec derived = base.header("X-Extra", "2");

        JsonNode first = base.get("/echo/a").json();
        JsonNode second = base.get("/echo/b").json();
        JsonNode third = derived.get("/echo/c").json();

        assertThat(first.at("/headers/x-extra").isMissingNode()).isTrue();
        assertThat(second.at("/path").asString()).isEqualTo("/echo/b");
        assertThat(second.at("/headers/x-base/0").asString()).isEqualTo("1");
        assertThat(third.at("/headers/x-extra/0").asString()).isEqualTo("2");
    }

    @Test
    void every_verb_sends_its_method() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND")) {
            Response r = switch (method) {
                case "GET" -> client.given().get("/echo");
                case "POST" -> client.given().post("/echo");
                case "PUT" -> client.given().put("/echo");
                case "PATCH" -> client.given().patch("/echo");
                case "DELETE" -> client.given().delete("/echo");
                case "OPTIONS" -> client.given().options("/echo");
                default -> client.given().request(method, "/echo");
            };
            assertThat(r.json("/method").asString()).isEqualTo(method);
        }
        assertThat(client.given().head("/echo").expectStatus(200).text()).isEmpty();
    }

    @Test
    void plan_shows_the_request_without_sending_it() {
        var plan = client.given().bearerAuth("secret").queryParam("page", 2).plan("GET", "/items");

        assertThat(plan.target()).isEqualTo("/items?page=2");
        assertThat(plan.toString()).contains("Authorization: Bearer ***").doesNotContain("secret");
        assertThat(plan.toCurl("http://localhost:8080"))
                .isEqualTo("curl -X GET 'http://localhost:8080/items?page=2' -H 'Authorization: Bearer secret'");
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void a_body_on_get_is_refused_with_the_way_out() {
        assertThatThrownBy(() -> client.given().jsonBody(Map.of("a", 1)).get("/echo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("GET /echo must not have a request body, but this spec has a JSON body (jsonBody);"
                        + " send it with post, put or patch, or use request(\"GET\", path) if the API really reads"
                        + " a body on GET");
        assertThat(client.given().jsonBody(1).request("GET", "/echo").json("/body").asString()).isEqualTo("1");
    }

    @Test
    void two_kinds_of_body_are_refused() {
        assertThatThrownBy(() -> client.given().jsonBody(1).formParam("a", "b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("formParam cannot add a body: this spec already has a JSON body (jsonBody)");
        assertThatThrownBy(() -> client.given().body("x", "text/plain").jsonBody(1))
                .hasMessageContaining("jsonBody cannot add a body: this spec already has a text/plain body (body)");
    }

    @Test
    void a_url_instead_of_a_path_points_to_connect() {
        assertThatThrownBy(() -> client.given().get("http://localhost:8080/items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a URL, but requests take a path such as \"/items\"")
                .hasMessageContaining("Testlet.connect(URI)");
    }

    @Test
    void a_path_without_a_leading_slash_says_what_was_meant() {
        assertThatThrownBy(() -> client.given().get("items"))
                .hasMessage("path 'items' must start with '/', as in \"/items\"");
    }

    @Test
    void placeholder_and_value_counts_must_match() {
        assertThatThrownBy(() -> client.given().get("/items/{id}"))
                .hasMessage("path /items/{id} has 1 placeholder but 0 values were given; give one value per"
                        + " {placeholder}, in order");
        assertThatThrownBy(() -> client.given().get("/items", 3))
                .hasMessageContaining("path /items has 0 placeholders but 1 value was given");
    }

    @Test
    void null_values_are_refused_with_a_hint() {
        assertThatThrownBy(() -> client.given().header("X-A", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header X-A is null; to send no header, do not add it");
        assertThatThrownBy(() -> client.given().queryParam("q", null))
                .hasMessage("query parameter q is null; use \"\" for an empty value, or leave the parameter out");
    }

    @Test
    void header_injection_is_refused() {
        assertThatThrownBy(() -> client.given().header("X-A", "1\r\nX-Evil: 2").get("/echo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header X-A has a value with a carriage return at index 1");
    }

    @Test
    void a_control_character_in_a_header_is_refused_with_testlets_message_not_a_400() {
        assertThatThrownBy(() -> client.given().header("X-A", "bell\u0007").get("/echo"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("header X-A has a value with control character U+0007 at index 4;");
    }

    @Test
    void a_latin_1_header_reaches_the_app_as_written() {
        JsonNode echo = client.given().header("X-Name", "Zoë").get("/echo").json();

        assertThat(echo.at("/headers/x-name/0").asString()).isEqualTo("Zoë");
    }

    @Test
    void a_fragment_is_not_sent_but_a_hash_in_a_template_value_is_data() {
        JsonNode fragment = client.given().queryParam("q", 1).get("/echo/page#section").json();
        JsonNode value = client.given().get("/echo/tags/{t}", "c#").json();

        assertThat(fragment.at("/path").asString()).isEqualTo("/echo/page");
        assertThat(fragment.at("/query").asString()).isEqualTo("q=1");
        assertThat(value.at("/path").asString()).isEqualTo("/echo/tags/c%23");
    }
}
