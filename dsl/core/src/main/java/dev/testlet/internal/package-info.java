/** DSL machinery: failure formatting, JSON, cookies, encodings. Not API. */
@NullMarked
package dev.testlet.internal;

import org.jspecify.annotations.NullMarked;
