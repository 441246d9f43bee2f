/**
 * Engine machinery for logging: SLF4J's start without a provider, and the adapters that capture an
 * app's Logback and Log4j 2 lines (loaded only when those backends are on the class path). Not API.
 */
@NullMarked
package dev.testlet.engine.internal.logging;

import org.jspecify.annotations.NullMarked;
