package dev.testlet.examples.items;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the item to create from a request body, sent as JSON ({@code {"name":"pen","price":1.50}})
 * or as an HTML form ({@code name=pen&price=1.50}), and validates it.
 */
final class ItemInput {

    /** The outcome of reading: a valid item, or the status and the errors to answer with. */
    sealed interface Result {}

    record Valid(NewItem item) implements Result {}

    record Invalid(int status, FieldErrors errors) implements Result {}

    /** 422 Unprocessable Content: the body is well-formed but its values are not acceptable. */
    static final int UNPROCESSABLE = 422;

    private ItemInput() {}

    static Result read(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            return fromJson(request.getInputStream().readAllBytes());
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            }
            return fromForm(request.getParameter("name"), request.getParameter("price"));
        }
        return new Invalid(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, errors(new FieldError("body",
                "send the item as application/json or application/x-www-form-urlencoded, not "
                        + (type.isEmpty() ? "a body without a Content-Type" : type))));
    }

    private static Result fromJson(byte[] body) {
        JsonNode json;
        try {
            json = AppJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return new Invalid(HttpServletResponse.SC_BAD_REQUEST,
                    errors(new FieldError("body", "is not valid JSON: " + e.getOriginalMessage())));
        }
        if (json.isMissingNode()) {
            return new Invalid(HttpServletResponse.SC_BAD_REQUEST,
                    errors(new FieldError("body", "is empty; send an item such as {\"name\":\"pen\",\"price\":1.50}")));
        }
        if (!json.isObject()) {
            return new Invalid(UNPROCESSABLE,
                    errors(new FieldError("body", "must be a JSON object such as {\"name\":\"pen\",\"price\":1.50}")));
        }
        List<FieldError> problems = new ArrayList<>();
        String name = json.path("name").isString() ? json.path("name").stringValue() : null;
        if (name == null && isGiven(json.path("name"))) {
            problems.add(new FieldError("name", "must be a string"));
        } else {
            checkName(name, problems);
        }
        BigDecimal price = json.path("price").isNumber() ? json.path("price").decimalValue() : null;
        if (price == null && isGiven(json.path("price"))) {
            problems.add(new FieldError("price", "must be a number"));
        } else {
            checkPrice(price, problems);
        }
        return outcome(name, price, problems);
    }

    private static boolean isGiven(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    private static Result fromForm(String name, String price) {
        List<FieldError> problems = new ArrayList<>();
        checkName(name, problems);
        BigDecimal amount = null;
        if (price == null || price.isBlank()) {
            checkPrice(null, problems);
        } else {
            try {
                amount = new BigDecimal(price.strip());
                checkPrice(amount, problems);
            } catch (NumberFormatException e) {
                problems.add(new FieldError("price", "must be a number"));
            }
        }
        return outcome(name, amount, problems);
    }

    private static void checkName(String name, List<FieldError> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldError("name", "must not be blank"));
        }
    }

    private static void checkPrice(BigDecimal price, List<FieldError> problems) {
        if (price == null) {
            problems.add(new FieldError("price", "is required"));
        } else if (price.signum() < 0) {
            problems.add(new FieldError("price", "must not be negative"));
        }
    }

    private static Result outcome(String name, BigDecimal price, List<FieldError> problems) {
        if (!problems.isEmpty()) {
            return new Invalid(UNPROCESSABLE, new FieldErrors(List.copyOf(problems)));
        }
        return new Valid(new NewItem(name.strip(), price));
    }

    private static FieldErrors errors(FieldError error) {
        return new FieldErrors(List.of(error));
    }
}
