package dev.testlet.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, ordered list of HTTP header fields whose names compare case-insensitively.
 *
 * <pre>{@code
 * Headers h = Headers.of("Content-Type", "application/json", "Set-Cookie", "a=1", "Set-Cookie", "b=2");
 * h.first("content-type");   // "application/json"
 * h.all("Set-Cookie");       // ["a=1", "b=2"]
 * h.first("X-Missing");      // null
 * }</pre>
 */
public final class Headers implements Iterable<Headers.Header> {

    private static final Headers EMPTY = new Headers(List.of());

    private final List<Header> fields;

    private Headers(List<Header> fields) {
        this.fields = fields;
    }

    /**
     * No headers.
     *
     * <pre>{@code Headers.empty().size() == 0}</pre>
     *
     * @return the empty header list
     */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values.
     *
     * <pre>{@code Headers.of("Accept", "text/plain", "X-Trace", "1")}</pre>
     *
     * @param namesAndValues name, value, name, value...
     * @return the headers, in the order given
     * @throws IllegalArgumentException if a name has no value
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Headers.of takes names and values in pairs, but got " + namesAndValues.length
                            + " strings; the last name has no value");
        }
        List<Header> list = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(List.copyOf(list));
    }

    /**
     * Headers from a list of fields.
     *
     * <pre>{@code Headers.of(List.of(new Headers.Header("Accept", "*&#47;*")))}</pre>
     *
     * @param fields the fields, in order
     * @return the headers
     */
    public static Headers of(List<Header> fields) {
        return fields.isEmpty() ? EMPTY : new Headers(List.copyOf(fields));
    }

    /**
     * The first value of a header, or {@code null} when it is absent.
     *
     * <pre>{@code headers.first("Location")   // "/items/3"}</pre>
     *
     * @param name the header name, any case
     * @return the first value, or null
     */
    public @Nullable String first(String name) {
        for (Header field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    /**
     * Every value of a header, in order; empty when it is absent.
     *
     * <pre>{@code headers.all("Set-Cookie")   // ["a=1; Path=/", "b=2"]}</pre>
     *
     * @param name the header name, any case
     * @return the values
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (Header field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                values.add(field.value());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Whether a header is present.
     *
     * <pre>{@code headers.contains("etag")}</pre>
     *
     * @param name the header name, any case
     * @return true when at least one field has that name
     */
    public boolean contains(String name) {
        return first(name) != null;
    }

    /**
     * The distinct header names, spelled as they first appear.
     *
     * <pre>{@code headers.names()   // [Content-Type, Set-Cookie]}</pre>
     *
     * @return the names, in order of first appearance
     */
    public Set<String> names() {
        Set<String> lower = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Header field : fields) {
            if (lower.add(field.name().toLowerCase(java.util.Locale.ROOT))) {
                names.add(field.name());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * A copy with one more field at the end.
     *
     * <pre>{@code headers.with("X-Trace", "1")}</pre>
     *
     * @param name the header name
     * @param value the value
     * @return the new headers
     */
    public Headers with(String name, String value) {
        List<Header> list = new ArrayList<>(fields.size() + 1);
        list.addAll(fields);
        list.add(new Header(name, value));
        return new Headers(Collections.unmodifiableList(list));
    }

    /**
     * A copy in which {@code name} has exactly one value.
     *
     * <pre>{@code headers.withOnly("Accept", "application/json")}</pre>
     *
     * @param name the header name
     * @param value the only value it will have
     * @return the new headers
     */
    public Headers withOnly(String name, String value) {
        return without(name).with(name, value);
    }

    /**
     * A copy without any field of that name.
     *
     * <pre>{@code headers.without("Cookie")}</pre>
     *
     * @param name the header name, any case
     * @return the new headers
     */
    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        List<Header> list = new ArrayList<>(fields.size());
        for (Header field : fields) {
            if (!field.name().equalsIgnoreCase(name)) {
                list.add(field);
            }
        }
        return new Headers(Collections.unmodifiableList(list));
    }

    /**
     * The fields as a list, in order.
     *
     * <pre>{@code for (Headers.Header h : headers.asList()) { ... }}</pre>
     *
     * @return the fields
     */
    public List<Header> asList() {
        return fields;
    }

    /**
     * The number of fields, counting repeated names.
     *
     * <pre>{@code Headers.of("A", "1", "A", "2").size() == 2}</pre>
     *
     * @return the number of fields
     */
    public int size() {
        return fields.size();
    }

    @Override
    public Iterator<Header> iterator() {
        return fields.iterator();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Headers that && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Header field : fields) {
            out.append(field.name()).append(": ").append(field.value()).append('\n');
        }
        return out.toString();
    }

    /**
     * One header field.
     *
     * <pre>{@code new Headers.Header("Accept", "text/plain")}</pre>
     *
     * @param name the field name, as written
     * @param value the field value
     */
    public record Header(String name, String value) {
        /**
         * Checks that neither part is null.
         *
         * @param name the field name
         * @param value the field value
         */
        public Header {
            if (name == null || value == null) {
                throw new IllegalArgumentException("a header needs a name and a value, but got name=" + name
                        + ", value=" + value + "; to leave a header out, do not add it");
            }
        }
    }
}
