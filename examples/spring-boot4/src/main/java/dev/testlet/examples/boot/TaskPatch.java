package dev.testlet.examples.boot;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A PATCH body: the fields to change; a missing one is kept.
 *
 * @param title the new title: not blank, at most 100 characters; null to keep it
 * @param done the new state; null to keep it
 */
public record TaskPatch(@Nullable @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
        @Nullable Boolean done) {}
