package dev.testlet.junit;

import dev.testlet.internal.snapshot.Snapshots;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshots of the whole run, kept in JUnit's root store and created on first use: the mode
 * ({@code testlet.snapshots} as a JUnit configuration parameter or a system property, and {@code CI}) is
 * read, and a bad value reported, only when a test takes a snapshot or a class has a snapshot file to
 * check for unused entries.
 */
final class RunSnapshots implements Supplier<Snapshots> {

    private final Function<String, @Nullable String> settings;
    private volatile @Nullable Snapshots snapshots;

    /**
     * The run's snapshots.
     *
     * @param settings JUnit's configuration parameters (then the system properties are asked)
     */
    RunSnapshots(Function<String, @Nullable String> settings) {
        this.settings = settings;
    }

    @Override
    public Snapshots get() {
        Snapshots s = snapshots;
        if (s == null) {
            synchronized (this) {
                s = snapshots;
                if (s == null) {
                    s = Snapshots.from(settings, JsonMapper.builder().build());
                    snapshots = s;
                }
            }
        }
        return s;
    }
}
