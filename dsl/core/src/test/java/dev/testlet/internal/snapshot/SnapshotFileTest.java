package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {

    @TempDir
    Path dir;

    private SnapshotFile file(String name) {
        return new SnapshotFile(dir.resolve("__snapshots__").resolve(name), "com.example.T", "shown/" + name);
    }

    @Test
    void a_missing_file_has_no_entries_and_is_created_with_its_folder_on_the_first_write() throws Exception {
        SnapshotFile file = file("T.snap");

        assertThat(file.read("a")).isNull();
        assertThat(file.names()).isEmpty();
        file.write("b", "second");
        file.write("a", "first");

        assertThat(Files.readString(file.path())).contains("═══ a\nfirst\n\n═══ b\nsecond\n\n═══\n");
        assertThat(new SnapshotFile(file.path(), "com.example.T", "x").names()).containsExactly("a", "b");
        assertThat(file.read("a")).isEqualTo("first");
        assertThat(file.shownPath()).isEqualTo("shown/T.snap");
    }

    @Test
    void removing_the_last_entries_deletes_the_file() throws Exception {
        SnapshotFile file = file("T.snap");
        file.write("a", "1");
        file.write("b", "2");

        assertThat(file.remove(List.of("a", "zzz"))).isFalse();
        assertThat(new SnapshotFile(file.path(), "T", "x").names()).containsExactly("b");
        assertThat(file.remove(List.of("nothing"))).isFalse();
        assertThat(file.remove(List.of("b"))).isTrue();
        assertThat(file.path()).doesNotExist();
        assertThat(file.names()).isEmpty();
    }

    @Test
    void leaves_no_temporary_files_behind() throws Exception {
        SnapshotFile file = file("T.snap");
        for (int i = 0; i < 20; i++) {
            file.write("e" + i, "v" + i);
        }

        try (Stream<Path> files = Files.list(file.path().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("T.snap");
        }
    }

    @Test
    void eight_threads_writing_fifty_entries_each_into_one_file_leave_all_four_hundred_intact() throws Exception {
        SnapshotFile file = file("Parallel.snap");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < 50; i++) {
                        file.write("t" + thread + "/e" + i, "thread " + thread + "\nentry " + i + "\n═══ tricky");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        SnapshotFile reread = new SnapshotFile(file.path(), "T", "x");
        assertThat(reread.names()).hasSize(400);
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 50; i++) {
                assertThat(reread.read("t" + t + "/e" + i)).isEqualTo("thread " + t + "\nentry " + i + "\n═══ tricky");
            }
        }
    }

    @Test
    void a_damaged_or_wrongly_encoded_file_fails_with_its_name_and_the_way_out() throws Exception {
        SnapshotFile damaged = file("Damaged.snap");
        Files.createDirectories(damaged.path().getParent());
        Files.writeString(damaged.path(), "═══ a\nx\n");
        SnapshotFile latin1 = file("Latin1.snap");
        Files.write(latin1.path(), new byte[] {'c', 'a', 'f', (byte) 0xe9});

        assertThatThrownBy(() -> damaged.read("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot read the snapshot file shown/Damaged.snap: line 2: the file does not end");
        assertThatThrownBy(latin1::names).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read the snapshot file shown/Latin1.snap: it is not UTF-8 text (was it saved in"
                        + " another encoding?); save it as UTF-8, or delete it and run the tests to write it again");
    }

    @Test
    void refuses_text_that_utf8_cannot_store_and_keeps_the_file_as_it_was() {
        SnapshotFile file = file("T.snap");
        file.write("ok", "fine");

        assertThatThrownBy(() -> file.write("bad", "x\ud800y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the snapshot 'bad' holds an unpaired UTF-16 surrogate, which a UTF-8 file cannot store;"
                        + " redact it with a pattern");
        assertThat(file.names()).containsExactly("ok");
        assertThatThrownBy(() -> file.write("", "x")).hasMessage("a snapshot entry needs a non-empty name");
    }
}
