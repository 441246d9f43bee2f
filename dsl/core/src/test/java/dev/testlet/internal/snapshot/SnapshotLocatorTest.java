package dev.testlet.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLocatorTest {

    @TempDir
    Path module;

    private Path source(String relative, String text) throws Exception {
        Path file = module.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private final SnapshotLocator locator = new SnapshotLocator(null, List.of());

    @Test
    void puts_the_file_next_to_a_java_test_source() throws Exception {
        source("src/test/java/com/example/ItemsTest.java", "class ItemsTest {}");

        assertThat(locator.fileFor("com.example", "ItemsTest", "ItemsTest", List.of(module)))
                .isEqualTo(module.resolve("src/test/java/com/example/__snapshots__/ItemsTest.snap").toAbsolutePath());
    }

    @Test
    void finds_kotlin_sources_also_when_the_file_is_named_otherwise() throws Exception {
        source("src/test/kotlin/com/example/ItemsTest.kt", "class ItemsTest");
        source("src/test/kotlin/com/example/Tests.kt", "package com.example\n\nclass OrdersTest {\n}\nobject Helpers");

        assertThat(locator.fileFor("com.example", "ItemsTest", "ItemsTest", List.of(module)))
                .isEqualTo(module.resolve("src/test/kotlin/com/example/__snapshots__/ItemsTest.snap"));
        assertThat(locator.fileFor("com.example", "OrdersTest", "OrdersTest.Nested", List.of(module)))
                .isEqualTo(module.resolve("src/test/kotlin/com/example/__snapshots__/OrdersTest.Nested.snap"));
    }

    @Test
    void looks_in_other_source_sets_and_finds_the_module_from_a_folder_inside_it() throws Exception {
        source("src/integrationTest/java/com/example/ItTest.java", "class ItTest {}");
        Path compiled = Files.createDirectories(module.resolve("build/classes/java/integrationTest"));

        assertThat(locator.fileFor("com.example", "ItTest", "ItTest", List.of(compiled)))
                .isEqualTo(module.resolve("src/integrationTest/java/com/example/__snapshots__/ItTest.snap"));
    }

    @Test
    void the_default_package_and_an_override_folder_work() throws Exception {
        source("src/test/java/RootTest.java", "class RootTest {}");

        assertThat(locator.fileFor("", "RootTest", "RootTest", List.of(module)))
                .isEqualTo(module.resolve("src/test/java/__snapshots__/RootTest.snap"));
        assertThat(new SnapshotLocator(module.resolve("snaps"), List.of()).fileFor("com.example", "X", "X.Y", List.of()))
                .isEqualTo(module.resolve("snaps/com/example/X.Y.snap"));
    }

    @Test
    void says_where_it_looked_and_how_to_choose_a_folder_when_the_source_is_not_found() throws Exception {
        Files.createDirectories(module.resolve("src/test/java/com/example"));

        assertThatThrownBy(() -> locator.fileFor("com.example", "Gone", "Gone", List.of(module)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot find the source of com.example.Gone to keep its snapshots next to it; looked for"
                        + " Gone.java and Gone.kt in:\n  " + module.resolve("src/test/java/com/example")
                        + "\nRun the tests from the module's folder, or set -Dtestlet.snapshots.dir=<folder> to keep"
                        + " snapshot files there (as com/example/Gone.snap).");
        Path nowhere = Files.createDirectories(module.resolve("a/b/c/d/e/f/g/h"));
        assertThatThrownBy(() -> new SnapshotLocator(null, List.of()).fileFor("p", "Gone", "Gone", List.of(nowhere)))
                .hasMessageContaining("(no src folder found from [" + nowhere + "])");
    }

    @Test
    void finds_this_very_test_in_the_dsl_module_from_its_compiled_class() {
        Path file = SnapshotLocator.fromSystem().fileFor(SnapshotLocatorTest.class);

        assertThat(file.toString().replace('\\', '/'))
                .endsWith("dsl/core/src/test/java/dev/testlet/internal/snapshot/__snapshots__/SnapshotLocatorTest.snap");
    }

    @Nested
    class Inner {
        @Test
        void a_nested_class_gets_its_own_file_beside_the_outer_source() {
            Path file = SnapshotLocator.fromSystem().fileFor(Inner.class);

            assertThat(file.getFileName().toString()).isEqualTo("SnapshotLocatorTest.Inner.snap");
            assertThat(file.getParent().getFileName().toString()).isEqualTo("__snapshots__");
        }
    }
}
