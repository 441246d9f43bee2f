/**
 * The app description ({@link dev.testlet.engine.ServletApp}) and the data that flows through the
 * engine: {@link dev.testlet.engine.RequestPlan}s in, {@link dev.testlet.engine.Exchange}s out.
 */
@NullMarked
package dev.testlet.engine;

import org.jspecify.annotations.NullMarked;
