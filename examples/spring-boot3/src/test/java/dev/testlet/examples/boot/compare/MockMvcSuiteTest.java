package dev.testlet.examples.boot.compare;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The comparison suite on {@code @SpringBootTest} + MockMvc: the whole context, Spring Security's
 * filters, no servlet container. The 403 test can check only the status: without a container nothing
 * dispatches to Boot's {@code /error} page, so the body is empty.
 */
@Tag("spring-comparison")
@SpringBootTest
@AutoConfigureMockMvc
class MockMvcSuiteTest {

    private static final String ALICE = "Bearer alice-token";

    @Autowired
    MockMvc mvc;

    @Test
    void lists_the_seeded_tasks() throws Exception {
        mvc.perform(get("/api/tasks"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Write the release notes"))
                .andExpect(jsonPath("$[1].owner").value("admin"));
    }

    @Test
    void reads_one_task() throws Exception {
        mvc.perform(get("/api/tasks/{id}", 2))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"id\":2,\"title\":\"Ship 1.0\",\"done\":false,\"owner\":\"admin\"}", true));
    }

    @Test
    void a_missing_task_is_a_404_problem() throws Exception {
        mvc.perform(get("/api/tasks/{id}", 999))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("task 999 not found"));
    }

    @Test
    void creates_a_task_for_the_token_owner() throws Exception {
        mvc.perform(post("/api/tasks").header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Book the venue\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/tasks/")))
                .andExpect(jsonPath("$.title").value("Book the venue"))
                .andExpect(jsonPath("$.owner").value("alice"));
    }

    @Test
    void creating_without_a_token_is_a_401() throws Exception {
        mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Sneak in\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void an_unknown_token_is_a_401() throws Exception {
        mvc.perform(post("/api/tasks").header(HttpHeaders.AUTHORIZATION, "Bearer stolen")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Sneak in\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the bearer token is not valid"));
    }

    @Test
    void an_invalid_task_is_a_400_naming_the_field() throws Exception {
        mvc.perform(post("/api/tasks").header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}"));
    }

    @Test
    void a_body_that_is_not_json_is_a_400() throws Exception {
        mvc.perform(post("/api/tasks").header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deleting_as_a_user_is_a_403_error_page() throws Exception {
        mvc.perform(delete("/api/tasks/{id}", 1).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isForbidden());
    }

    @Test
    void deleting_as_admin_removes_the_task() throws Exception {
        String created = mvc.perform(post("/api/tasks").header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Temporary\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = JsonPath.<Number>read(created, "$.id").longValue();

        mvc.perform(delete("/api/tasks/{id}", id).header(HttpHeaders.AUTHORIZATION, "Bearer admin-token"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/tasks/{id}", id)).andExpect(status().isNotFound());
    }
}
