/** Engine machinery: the one engine that sends plans, over in-process or socket wires. Not API. */
@NullMarked
package dev.testlet.engine.internal.transport;

import org.jspecify.annotations.NullMarked;
