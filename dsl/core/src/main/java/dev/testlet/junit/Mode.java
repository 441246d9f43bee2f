package dev.testlet.junit;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the JUnit extension runs an app: in-process (no socket; the app's handler runs on the test's
 * thread) or served on a real port at 127.0.0.1 (the same requests over TCP).
 *
 * <pre>{@code
 * @InBothModes
 * class ItemsApiTest { ... }                 // every test runs [in-process] and [served]
 *
 * // mvn test -Dtestlet.mode=served          // the whole suite over real sockets
 * }</pre>
 */
public enum Mode {

    /** Through Jetty's {@code LocalConnector}: {@code Testlet.start(app)}. */
    IN_PROCESS("in-process"),

    /** On a real port at 127.0.0.1: {@code Testlet.serve(app)}. */
    SERVED("served");

    /** The JUnit configuration parameter (or system property) that picks the mode for a whole run. */
    public static final String PROPERTY = "testlet.mode";

    /**
     * Where a run of an {@link InBothModes} class keeps its mode for the extension. Here rather than in
     * {@link BothModes}, whose JUnit 5.13 interfaces JUnit 5.12 (Spring Boot 3.5's) cannot load.
     */
    static final org.junit.jupiter.api.extension.ExtensionContext.Namespace STORE =
            org.junit.jupiter.api.extension.ExtensionContext.Namespace.create(Mode.class);

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    /**
     * The mode's name, as display names and {@code -Dtestlet.mode} spell it.
     *
     * <pre>{@code Mode.SERVED.label()   // "served"}</pre>
     *
     * @return "in-process" or "served"
     */
    public String label() {
        return label;
    }

    /**
     * Reads a mode setting.
     *
     * @param value "in-process", "served", "both", or null/blank for none
     * @return the mode, or null for "both" or none
     * @throws IllegalArgumentException for another value, listing the valid ones
     */
    static @Nullable Mode parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.label.equals(v)) {
                return m;
            }
        }
        if (v.equals("both")) {
            return null;
        }
        throw new IllegalArgumentException(PROPERTY + "=" + value + " is not a mode; use in-process, served or both");
    }
}
