package dev.testlet.examples.spring;

import java.io.IOException;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code application/json} with Jackson 3. Spring 6.2's own converter needs Jackson 2
 * (Spring 7 has one for Jackson 3); this is the few lines it takes to keep to one Jackson.
 */
public final class JacksonJsonConverter extends AbstractGenericHttpMessageConverter<Object> {

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** A converter for {@code application/json} and {@code application/*+json}. */
    public JacksonJsonConverter() {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return true;
    }

    @Override
    public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input) throws IOException {
        return readAs(type, input);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        return readAs(clazz, input);
    }

    private Object readAs(Type type, HttpInputMessage input) throws IOException {
        try {
            return mapper.readValue(input.getBody(), mapper.constructType(type));
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("the body is not valid JSON for " + type.getTypeName() + ": "
                    + e.getOriginalMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(Object value, @Nullable Type type, HttpOutputMessage output) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(value);
        output.getHeaders().setContentLength(bytes.length);
        output.getBody().write(bytes);
    }
}
