package dev.testlet.internal.snapshot;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a run does with snapshots, and why: locally a missing snapshot is written; on CI (the
 * {@code CI} environment variable set to anything but {@code false} or {@code 0}) it fails;
 * {@code -Dtestlet.snapshots=update} rewrites mismatches and missing ones (and removes unused ones);
 * {@code -Dtestlet.snapshots=verify} fails on missing ones as CI does. The property wins over the
 * environment.
 *
 * <pre>{@code
 * SnapshotMode.resolve(System.getProperty(SnapshotMode.PROPERTY), System.getenv("CI"));
 * SnapshotMode.resolve(null, "true").policy()       // VERIFY
 * SnapshotMode.resolve("update", "true").policy()   // UPDATE
 * SnapshotMode.resolve("upd", null)                 // IllegalArgumentException listing the valid values
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param policy what to do
 * @param reason why, in words, for messages
 */
public record SnapshotMode(Policy policy, String reason) {

    /** The system property that chooses the mode. */
    public static final String PROPERTY = "testlet.snapshots";

    /** The environment variable that CI systems set. */
    public static final String CI_VARIABLE = "CI";

    /** What to do with missing and differing snapshots. */
    public enum Policy {
        /** Write missing snapshots, fail on differing ones. */
        WRITE_MISSING,
        /** Fail on missing and differing snapshots. */
        VERIFY,
        /** Write missing snapshots, rewrite differing ones, remove unused ones. */
        UPDATE
    }

    /**
     * The mode from the property's and the variable's values.
     *
     * <pre>{@code SnapshotMode.resolve(System.getProperty(PROPERTY), System.getenv(CI_VARIABLE))}</pre>
     *
     * @param property the value of {@code -Dtestlet.snapshots}, or null
     * @param ci the value of the {@code CI} environment variable, or null
     * @return the mode
     * @throws IllegalArgumentException when the property has a value that is not a mode
     */
    public static SnapshotMode resolve(@Nullable String property, @Nullable String ci) {
        String value = property == null ? "" : property.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "update" -> {
                return new SnapshotMode(Policy.UPDATE, "-D" + PROPERTY + "=update is set");
            }
            case "verify" -> {
                return new SnapshotMode(Policy.VERIFY, "-D" + PROPERTY + "=verify is set");
            }
            case "", "auto" -> {
                if (isCi(ci)) {
                    return new SnapshotMode(Policy.VERIFY, "the " + CI_VARIABLE + " environment variable is set (\""
                            + ci + "\"), and on CI missing snapshots fail instead of being written");
                }
                return new SnapshotMode(Policy.WRITE_MISSING, "missing snapshots are written when not on CI");
            }
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + property
                    + " is not a snapshot mode; use update (rewrite snapshots that differ or are missing, remove"
                    + " unused ones), verify (fail on missing snapshots, as on CI) or auto (the default: write"
                    + " missing snapshots, except on CI)");
        }
    }

    /**
     * The mode of this JVM: {@code -Dtestlet.snapshots} and the {@code CI} variable.
     *
     * <pre>{@code SnapshotMode.fromSystem()}</pre>
     *
     * @return the mode
     */
    public static SnapshotMode fromSystem() {
        return resolve(System.getProperty(PROPERTY), System.getenv(CI_VARIABLE));
    }

    private static boolean isCi(@Nullable String ci) {
        if (ci == null || ci.isBlank()) {
            return false;
        }
        String v = ci.strip().toLowerCase(Locale.ROOT);
        return !v.equals("false") && !v.equals("0");
    }
}
