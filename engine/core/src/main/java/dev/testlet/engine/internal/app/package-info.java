/** Engine machinery: an app's Jetty server, its lifecycle, and what Testlet tracks inside it (requests, background work, overrides, logs). Not API. */
@NullMarked
package dev.testlet.engine.internal.app;

import org.jspecify.annotations.NullMarked;
