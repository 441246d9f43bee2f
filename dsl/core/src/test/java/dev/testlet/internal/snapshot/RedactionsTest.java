package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testlet.internal.json.CanonicalJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactionsTest {

    private final CanonicalJson json = new CanonicalJson(JsonMapper.builder().build());

    private String redactJson(Redactions r, String text) {
        JsonNode node = json.parse(text.replace('\'', '"'));
        return CanonicalJson.compact(new Redactor(r).json(node));
    }

    @Test
    void json_pointers_replace_values_with_their_kind_so_a_change_of_kind_still_shows() {
        Redactions r = Redactions.none().withJsonPointer("/items/*/id").withJsonPointer("/meta");

        assertThat(redactJson(r, "{'items':[{'id':1,'n':'a'},{'id':'x'},{'id':null}],'meta':{'t':1},'id':5}"))
                .isEqualTo("{\"id\":5,\"items\":[{\"id\":\"[redacted number]\",\"n\":\"a\"},{\"id\":\"[redacted string]\"},"
                        + "{\"id\":\"[redacted null]\"}],\"meta\":\"[redacted object]\"}");
    }

    @Test
    void json_pointers_take_a_replacement_and_double_star_reaches_any_depth() {
        Redactions r = Redactions.none().withJsonPointer("/**/createdAt", "[timestamp]");

        assertThat(redactJson(r, "{'createdAt':1,'a':[{'createdAt':'2026'}],'b':{'c':{'createdAt':true}}}"))
                .isEqualTo("{\"a\":[{\"createdAt\":\"[timestamp]\"}],\"b\":{\"c\":{\"createdAt\":\"[timestamp]\"}},"
                        + "\"createdAt\":\"[timestamp]\"}");
    }

    @Test
    void the_empty_pointer_replaces_the_whole_document_and_the_original_is_left_alone() {
        JsonNode original = json.parse("{\"a\":1}");
        JsonNode redacted = new Redactor(Redactions.none().withJsonPointer("")).json(original);

        assertThat(redacted.stringValue()).isEqualTo("[redacted object]");
        assertThat(CanonicalJson.compact(original)).isEqualTo("{\"a\":1}");
        JsonNode child = new Redactor(Redactions.none().withJsonPointer("/a")).json(original);
        assertThat(CanonicalJson.compact(child)).isEqualTo("{\"a\":\"[redacted number]\"}");
        assertThat(CanonicalJson.compact(original)).isEqualTo("{\"a\":1}");
    }

    @Test
    void defaults_redact_session_cookie_values_keeping_names_and_attributes() {
        Redactor r = new Redactor(Redactions.defaults());

        assertThat(r.header("Set-Cookie", "JSESSIONID=node0abc; Path=/; HttpOnly"))
                .isEqualTo("JSESSIONID=[redacted]; Path=/; HttpOnly");
        assertThat(r.header("set-cookie", "session=xyz")).isEqualTo("session=[redacted]");
        assertThat(r.header("Set-Cookie", "theme=dark; Path=/")).isEqualTo("theme=dark; Path=/");
        assertThat(r.header("Date", "Tue, 01 Jan 2030 00:00:00 GMT")).isEqualTo("[redacted]");
        assertThat(r.header("Content-Type", "text/plain")).isEqualTo("text/plain");
    }

    @Test
    void an_expires_date_computed_from_max_age_is_redacted_and_a_fixed_one_is_kept() {
        Redactor r = new Redactor(Redactions.defaults());

        assertThat(r.header("Set-Cookie", "theme=dark; Max-Age=3600; Expires=Tue, 01 Jan 2030 01:00:00 GMT; Path=/"))
                .isEqualTo("theme=dark; Max-Age=3600; Expires=[redacted]; Path=/");
        assertThat(r.header("Set-Cookie", "theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"))
                .isEqualTo("theme=; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void headers_and_cookies_can_be_added_in_any_case() {
        Redactor r = new Redactor(Redactions.none().withHeader("etag").withCookie("Auth"));

        assertThat(r.header("ETag", "\"abc\"")).isEqualTo("[redacted]");
        assertThat(r.header("Set-Cookie", "auth=t0k3n; Secure")).isEqualTo("auth=[redacted]; Secure");
        assertThat(r.header("Set-Cookie", "JSESSIONID=1")).isEqualTo("JSESSIONID=1");
    }

    @Test
    void default_excluded_headers_are_left_out_and_can_be_brought_back() {
        Redactions defaults = Redactions.defaults();

        for (String h : Redactions.DEFAULT_EXCLUDED_HEADERS) {
            assertThat(new Redactor(defaults).excludes(h.toUpperCase(java.util.Locale.ROOT))).as(h).isTrue();
        }
        assertThat(new Redactor(defaults).excludes("Content-Type")).isFalse();
        assertThat(new Redactor(defaults.withIncludedHeader("server")).excludes("Server")).isFalse();
        assertThat(new Redactor(defaults.withExcludedHeader("X-Request-Id")).excludes("x-request-id")).isTrue();
        assertThat(new Redactor(Redactions.none()).excludes("Date")).isFalse();
    }

    @Test
    void merging_adds_both_sets_and_the_added_one_wins_on_including_or_excluding_a_header() {
        Redactions client = Redactions.defaults().withJsonPointer("/id").withHeader("ETag");
        Redactions call = Redactions.none().withIncludedHeader("Server").withJsonPointer("/at").withExcludedHeader("Via");
        Redactor merged = new Redactor(client.and(call));

        assertThat(merged.excludes("Server")).isFalse();
        assertThat(merged.excludes("Via")).isTrue();
        assertThat(merged.excludes("Date")).isTrue();
        assertThat(merged.header("ETag", "x")).isEqualTo("[redacted]");
        assertThat(CanonicalJson.compact(merged.json(json.parse("{\"id\":1,\"at\":2,\"k\":3}"))))
                .isEqualTo("{\"at\":\"[redacted number]\",\"id\":\"[redacted number]\",\"k\":3}");
        assertThat(new Redactor(client.and(Redactions.none().withExcludedHeader("Server")).and(
                Redactions.none().withIncludedHeader("server"))).excludes("Server")).isFalse();
        assertThat(new Redactor(client).excludes("Server")).as("the original is unchanged").isTrue();
    }

    @Test
    void patterns_replace_text_with_group_references() {
        Redactor r = new Redactor(Redactions.none().withPattern("token=(\\w)\\w*", "token=$1***"));

        assertThat(r.text("GET /a?token=abcdef&x=1")).isEqualTo("GET /a?token=a***&x=1");
    }

    @Test
    void numbered_patterns_give_the_same_value_the_same_number_everywhere_in_a_rendering() {
        Redactions redactions = Redactions.none().withNumberedPattern("[0-9a-f]{8}", "id");
        String text = "Location: /items/deadbeef\n{\"id\": \"deadbeef\", \"parent\": \"0badf00d\", \"self\": \"deadbeef\"}";

        assertThat(new Redactor(redactions).text(text)).isEqualTo(
                "Location: /items/[id-1]\n{\"id\": \"[id-1]\", \"parent\": \"[id-2]\", \"self\": \"[id-1]\"}");
        assertThat(new Redactor(redactions).text("0badf00d")).as("a new rendering counts from 1").isEqualTo("[id-1]");
    }

    @Test
    void bad_patterns_and_replacements_fail_with_what_to_write_instead() {
        assertThatThrownBy(() -> Redactions.none().withPattern("(unclosed", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'(unclosed' is not a valid regular expression: Unclosed group near index 9");
        assertThatThrownBy(() -> Redactions.none().withPattern("a(b)", "$2"))
                .hasMessage("the replacement '$2' refers to group $2, but 'a(b)' has 1 group(s); write \\$ for a"
                        + " literal dollar sign");
        assertThatThrownBy(() -> Redactions.none().withPattern("ab", "${name}"))
                .hasMessage("the replacement '${name}' refers to group ${name}, but 'ab' has no groups; write \\$ for"
                        + " a literal dollar sign");
        assertThatThrownBy(() -> Redactions.none().withPattern("ab", "costs $"))
                .hasMessage("the replacement 'costs $' has a '$' or '\\' that is not a group reference; write \\$ for"
                        + " a literal dollar sign and \\\\ for a backslash");
        assertThat(new Redactor(Redactions.none().withPattern("(?<n>a)b", "\\$${n}")).text("ab")).isEqualTo("$a");
        assertThatThrownBy(() -> Redactions.none().withHeader(""))
                .hasMessage("the name must not be empty");
        assertThatThrownBy(() -> Redactions.none().withJsonPointer("id"))
                .hasMessageStartingWith("'id' is not a JSON Pointer pattern");
    }
}
