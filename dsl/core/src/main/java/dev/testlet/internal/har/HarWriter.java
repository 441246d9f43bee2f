package dev.testlet.internal.har;

import dev.testlet.engine.Headers;
import dev.testlet.engine.RequestPlan;
import dev.testlet.engine.spi.BodyText;
import dev.testlet.engine.spi.Secrets;
import dev.testlet.internal.AtomicFiles;
import dev.testlet.internal.snapshot.RecordedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes recorded traffic as a HAR 1.2 file ("HTTP Archive", W3C draft), which browser devtools and
 * HTTP tools open. Secrets are masked exactly as failure reports mask them ({@code Authorization} keeps
 * its scheme, values of cookies and headers named like sessions, tokens, keys and secrets become
 * {@code ***}), in
 * headers and in the {@code cookies} lists. A WebSocket session becomes one entry with Chrome's
 * {@code _webSocketMessages} (type {@code send}/{@code receive}, time in seconds since the epoch,
 * opcode, data: text as it is, binary as base64); a stream still open is an entry with the body read so
 * far and a comment saying so. Timings: HAR wants send, wait and receive; an exchange knows only its
 * total, which is reported as {@code wait}.
 *
 * <pre>{@code
 * HarWriter har = new HarWriter(mapper, "http://localhost:8080");
 * Path file = har.write(HarWriter.fileFor(HarWriter.defaultDir(), ItemsTest.class, "creates_an_item"), entries);
 * }</pre>
 *
 * Bodies are kept up to {@value #DEFAULT_MAX_BODY_BYTES} bytes unless told otherwise; a longer one is
 * cut, with its full size in {@code content.size} and a comment. Immutable and thread-safe.
 */
public final class HarWriter {

    /** How many bytes of each body a HAR file keeps by default. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** The system property naming the folder for HAR files. */
    public static final String DIR_PROPERTY = "testlet.har.dir";


    private final ObjectMapper mapper;
    private final String origin;
    private final int maxBodyBytes;
    private final String version;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final DateTimeFormatter dates = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);

    /**
     * A writer with the default body limit.
     *
     * <pre>{@code new HarWriter(mapper, client.origin().toString())}</pre>
     *
     * @param mapper to print the file
     * @param origin scheme, host and port the URLs start with, as {@code http://localhost:8080}
     */
    public HarWriter(ObjectMapper mapper, String origin) {
        this(mapper, origin, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * A writer that keeps at most {@code maxBodyBytes} of each body.
     *
     * <pre>{@code new HarWriter(mapper, "http://localhost:8080", 64 * 1024)}</pre>
     *
     * @param mapper to print the file
     * @param origin scheme, host and port the URLs start with
     * @param maxBodyBytes the limit, at least 0
     */
    public HarWriter(ObjectMapper mapper, String origin, int maxBodyBytes) {
        if (!origin.startsWith("http://") && !origin.startsWith("https://")) {
            throw new IllegalArgumentException("the origin must start with http:// or https://, as in"
                    + " \"http://localhost:8080\", but was '" + origin + "'");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("the body limit must not be negative, but was " + maxBodyBytes);
        }
        this.mapper = mapper;
        this.origin = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        this.maxBodyBytes = maxBodyBytes;
        String v = HarWriter.class.getPackage().getImplementationVersion();
        this.version = v == null ? "dev" : v;
    }

    /**
     * The folder for HAR files: {@code -Dtestlet.har.dir}, or {@code target/testlet-har} in the
     * working directory.
     *
     * <pre>{@code HarWriter.defaultDir()}</pre>
     *
     * @return the folder
     */
    public static Path defaultDir() {
        String dir = System.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.dir"), "target", "testlet-har")
                : Path.of(dir);
    }

    /**
     * The file for one test: {@code <dir>/<class name>/<test name>.har}, the test name made safe for
     * any file system.
     *
     * <pre>{@code HarWriter.fileFor(dir, ItemsTest.class, "lists_items[2]")   // .../com.example.ItemsTest/lists_items_2_.har}</pre>
     *
     * @param dir the folder
     * @param testClass the test class
     * @param testName the method name with any invocation index
     * @return the path
     */
    public static Path fileFor(Path dir, Class<?> testClass, String testName) {
        String safe = testName.replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(testClass.getName()).resolve((safe.isEmpty() ? "test" : safe) + ".har");
    }

    /**
     * Writes the entries as a HAR file, atomically, creating folders as needed.
     *
     * <pre>{@code har.write(file, entries)}</pre>
     *
     * @param file where
     * @param entries the traffic, in order
     * @return the file
     * @throws UncheckedIOException when it cannot be written
     */
    public Path write(Path file, List<HarEntry> entries) {
        byte[] bytes = toJson(entries).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HAR file " + file + ": " + e, e);
        }
        return file;
    }

    /**
     * The HAR text, indented.
     *
     * <pre>{@code har.toJson(entries)}</pre>
     *
     * @param entries the traffic
     * @return the JSON text
     */
    public String toJson(List<HarEntry> entries) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toHar(entries));
    }

    /**
     * The HAR document as a tree.
     *
     * <pre>{@code har.toHar(entries).at("/log/entries/0/request/url")}</pre>
     *
     * @param entries the traffic
     * @return the document
     */
    public ObjectNode toHar(List<HarEntry> entries) {
        ObjectNode root = nodes.objectNode();
        ObjectNode log = root.putObject("log");
        log.put("version", "1.2");
        log.putObject("creator").put("name", "Testlet").put("version", version);
        ArrayNode list = log.putArray("entries");
        for (HarEntry e : entries) {
            list.add(entry(e));
        }
        return root;
    }

    private ObjectNode entry(HarEntry e) {
        ObjectNode entry = nodes.objectNode();
        entry.put("startedDateTime", dates.format(e.started().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC)));
        double millis = e.elapsed().toNanos() / 1_000_000.0;
        entry.put("time", millis);
        entry.set("request", request(e.request(), e.isWebSocket()));
        entry.set("response", response(e));
        entry.putObject("cache");
        entry.putObject("timings").put("send", 0).put("wait", millis).put("receive", 0);
        if (e.isWebSocket()) {
            entry.put("_resourceType", "websocket");
            ArrayNode messages = entry.putArray("_webSocketMessages");
            e.messages().forEach(m -> messages.add(message(m)));
        }
        if (e.comment() != null) {
            entry.put("comment", e.comment());
        }
        return entry;
    }

    private ObjectNode request(RequestPlan plan, boolean webSocket) {
        ObjectNode request = nodes.objectNode();
        request.put("method", plan.method());
        String base = webSocket ? origin.replaceFirst("^http", "ws") : origin;
        request.put("url", base + plan.target());
        request.put("httpVersion", "HTTP/1.1");
        request.set("cookies", requestCookies(plan.headers()));
        request.set("headers", headers(plan.headers()));
        ArrayNode query = request.putArray("queryString");
        if (plan.query() != null) {
            for (String[] pair : pairs(plan.query())) {
                query.addObject().put("name", pair[0]).put("value", pair[1]);
            }
        }
        byte[] body = plan.body();
        if (body.length > 0) {
            String type = plan.headers().first("Content-Type");
            ObjectNode post = request.putObject("postData");
            post.put("mimeType", type == null ? "" : type);
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                ArrayNode params = post.putArray("params");
                for (String[] pair : pairs(new String(body, StandardCharsets.UTF_8))) {
                    params.addObject().put("name", pair[0]).put("value", pair[1]);
                }
            }
            String text = BodyText.decodeIfText(body, type);
            if (text != null) {
                post.put("text", cut(text));
            } else {
                post.put("text", Base64.getEncoder().encodeToString(Arrays.copyOf(body, Math.min(body.length, maxBodyBytes))));
                post.put("comment", "binary, base64-encoded" + cutNote(body.length));
            }
        }
        request.put("headersSize", -1);
        request.put("bodySize", body.length);
        return request;
    }

    private ObjectNode response(HarEntry e) {
        ObjectNode response = nodes.objectNode();
        response.put("status", e.status());
        response.put("statusText", e.reason());
        response.put("httpVersion", "HTTP/1.1");
        response.set("cookies", responseCookies(e.responseHeaders()));
        response.set("headers", headers(e.responseHeaders()));
        byte[] body = e.body();
        String type = e.responseHeaders().first("Content-Type");
        ObjectNode content = response.putObject("content");
        content.put("size", body.length);
        content.put("mimeType", type == null ? "x-unknown" : type);
        if (body.length > 0) {
            String text = BodyText.decodeIfText(body, type);
            if (text != null) {
                content.put("text", cut(text));
                if (text.length() > maxBodyBytes) {
                    content.put("comment", "text cut to its first " + maxBodyBytes + " characters");
                }
            } else {
                content.put("text", Base64.getEncoder().encodeToString(Arrays.copyOf(body, Math.min(body.length, maxBodyBytes))));
                content.put("encoding", "base64");
                if (body.length > maxBodyBytes) {
                    content.put("comment", cutNote(body.length).substring(2));
                }
            }
        }
        String location = e.responseHeaders().first("Location");
        response.put("redirectURL", location == null ? "" : location);
        response.put("headersSize", -1);
        response.put("bodySize", body.length);
        return response;
    }

    private ObjectNode message(RecordedMessage m) {
        ObjectNode node = nodes.objectNode();
        node.put("type", m.direction() == RecordedMessage.Direction.SENT ? "send" : "receive");
        node.put("time", m.at().getEpochSecond() + m.at().getNano() / 1_000_000_000.0);
        node.put("opcode", m.kind().opcode());
        node.put("data", switch (m.kind()) {
            case TEXT -> m.text();
            case CLOSE -> m.closeCode() == null ? "" : m.closeCode() + (m.closeReason().isEmpty() ? "" : " " + m.closeReason());
            default -> Base64.getEncoder().encodeToString(m.payload());
        });
        return node;
    }

    private ArrayNode headers(Headers headers) {
        ArrayNode list = nodes.arrayNode();
        for (Headers.Header h : headers) {
            list.addObject().put("name", h.name()).put("value", Secrets.maskHeader(h.name(), h.value()));
        }
        return list;
    }

    /** A cookie's value as failure reports show it: masked when its name looks secret. */
    private static String cookieValue(String name, String value) {
        return Secrets.standard().isSecret(name) ? "***" : value;
    }

    private ArrayNode requestCookies(Headers headers) {
        ArrayNode list = nodes.arrayNode();
        for (String header : headers.all("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (!pair.isBlank()) {
                    String name = (eq < 0 ? pair : pair.substring(0, eq)).strip();
                    list.addObject().put("name", name).put("value", cookieValue(name, eq < 0 ? "" : pair.substring(eq + 1).strip()));
                }
            }
        }
        return list;
    }

    private ArrayNode responseCookies(Headers headers) {
        ArrayNode list = nodes.arrayNode();
        for (String header : headers.all("Set-Cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).strip();
            ObjectNode cookie = list.addObject().put("name", name).put("value", cookieValue(name, parts[0].substring(eq + 1).strip()));
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                int at = part.indexOf('=');
                String key = (at < 0 ? part : part.substring(0, at)).toLowerCase(Locale.ROOT);
                String value = at < 0 ? "" : part.substring(at + 1).strip();
                switch (key) {
                    case "path" -> cookie.put("path", value);
                    case "domain" -> cookie.put("domain", value);
                    case "httponly" -> cookie.put("httpOnly", true);
                    case "secure" -> cookie.put("secure", true);
                    case "expires" -> {
                        String iso = isoDate(value);
                        if (iso != null) {
                            cookie.put("expires", iso);
                        }
                    }
                    default -> {
                        // Max-Age, SameSite and others have no HAR field
                    }
                }
            }
        }
        return list;
    }

    private @Nullable String isoDate(String httpDate) {
        try {
            return dates.format(ZonedDateTime.parse(httpDate.replace('-', ' '), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<String[]> pairs(String encoded) {
        List<String[]> out = new java.util.ArrayList<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            out.add(new String[] {decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))});
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private String cut(String text) {
        return text.length() <= maxBodyBytes ? text : text.substring(0, maxBodyBytes);
    }

    private String cutNote(int size) {
        return size <= maxBodyBytes ? "" : "; cut to the first " + maxBodyBytes + " of " + size + " bytes";
    }
}
