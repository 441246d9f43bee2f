package dev.testlet;

import dev.testlet.internal.Multipart;
import dev.testlet.internal.UriEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/** The one body a request may have, encoded only when the request is sent. */
sealed interface RequestBody {

    /** The bytes (or the file they are read from) and the content type they need (null to leave the header alone). */
    record Encoded(byte[] bytes, @Nullable String contentType, java.nio.file.@Nullable Path file) {
        Encoded(byte[] bytes, @Nullable String contentType) {
            this(bytes, contentType, null);
        }
    }

    /** How the body was given, for messages ("a JSON body (jsonBody)"). */
    String describe();

    Encoded encode(ObjectMapper mapper);

    record None() implements RequestBody {
        @Override
        public String describe() {
            return "no body";
        }

        @Override
        public Encoded encode(ObjectMapper mapper) {
            return new Encoded(new byte[0], null);
        }
    }

    record Raw(byte[] bytes, String contentType) implements RequestBody {
        @Override
        public String describe() {
            return "a " + contentType + " body (body)";
        }

        @Override
        public Encoded encode(ObjectMapper mapper) {
            return new Encoded(bytes, contentType);
        }
    }

    record File(java.nio.file.Path file, String contentType) implements RequestBody {
        @Override
        public String describe() {
            return "a " + contentType + " body from the file " + file + " (body)";
        }

        @Override
        public Encoded encode(ObjectMapper mapper) {
            return new Encoded(new byte[0], contentType, file);
        }
    }

    record Json(@Nullable Object value) implements RequestBody {
        @Override
        public String describe() {
            return "a JSON body (jsonBody)";
        }

        @Override
        public Encoded encode(ObjectMapper mapper) {
            return new Encoded(mapper.writeValueAsBytes(value), "application/json");
        }
    }

    record Form(List<Map.Entry<String, String>> fields) implements RequestBody {
        @Override
        public String describe() {
            return "a form body (formParam)";
        }

        Form with(String name, String value) {
            List<Map.Entry<String, String>> list = new ArrayList<>(fields);
            list.add(Map.entry(name, value));
            return new Form(List.copyOf(list));
        }

        @Override
        public Encoded encode(ObjectMapper mapper) {
            return new Encoded(UriEncoding.query(fields).getBytes(StandardCharsets.US_ASCII),
                    "application/x-www-form-urlencoded");
        }
    }

    record Parts(List<Multipart.Part> parts) implements RequestBody {
        @Override
        public String describe() {
            return "a multipart body (multipartField/multipartFile)";
        }

        Parts with(Multipart.Part part) {
            List<Multipart.Part> list = new ArrayList<>(parts);
            list.add(part);
            return new Parts(List.copyOf(list));
        }

        @Override
        public Encoded encode(ObjectMapper mapper) {
            Multipart.Encoded encoded = Multipart.encode(parts);
            return new Encoded(encoded.body(), encoded.contentType());
        }
    }
}
