/** Engine machinery: Jetty wiring, wires, parsing, timeouts. Not API. */
@NullMarked
package dev.testlet.engine.internal;

import org.jspecify.annotations.NullMarked;
