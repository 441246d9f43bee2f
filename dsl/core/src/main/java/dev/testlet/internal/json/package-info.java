/**
 * JSON as tests compare it: a canonical text (sorted keys, two-space indent, numbers by value), JSON
 * Pointer patterns with wildcards, and whole-document comparison (strict or lenient) that lists its
 * differences field by field. Not API.
 */
@NullMarked
package dev.testlet.internal.json;

import org.jspecify.annotations.NullMarked;
