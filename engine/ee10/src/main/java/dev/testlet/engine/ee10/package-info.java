/** Testlet's engine on Jetty's ee10 servlet container. Not API: found by the engine at start. */
@NullMarked
package dev.testlet.engine.ee10;

import org.jspecify.annotations.NullMarked;
