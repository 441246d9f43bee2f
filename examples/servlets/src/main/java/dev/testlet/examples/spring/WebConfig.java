package dev.testlet.examples.spring;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The app's beans, declared one by one (no classpath scanning, so a start stays cheap). */
@Configuration
@EnableWebMvc
public class WebConfig implements WebMvcConfigurer {

    /** Instantiated by Spring. */
    public WebConfig() {}

    @Override
    public void configureMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new JacksonJsonConverter());
    }

    @Bean
    NoteBook noteBook() {
        return new NoteBook();
    }

    @Bean
    PingController pingController() {
        return new PingController();
    }

    @Bean
    NotesController notesController(NoteBook noteBook) {
        return new NotesController(noteBook);
    }

    @Bean
    ApiErrors apiErrors() {
        return new ApiErrors();
    }
}
