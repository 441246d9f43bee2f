/**
 * The engine's service interface for Testlet's DSL: a deliberately small, documented layer between
 * "what a test writes" ({@code dev.testlet}) and "how requests reach an app" (Jetty, here).
 *
 * <ul>
 *   <li>{@link dev.testlet.engine.spi.Engines} starts an app in-process or on a real port, or connects
 *       to a deployed server.</li>
 *   <li>{@link dev.testlet.engine.spi.Transport} sends {@link dev.testlet.engine.RequestPlan}s and
 *       returns {@link dev.testlet.engine.Exchange}s, live responses or upgraded connections; it is the
 *       same engine over either transport.</li>
 *   <li>{@link dev.testlet.engine.spi.App} controls an app running in this JVM: its background work,
 *       its overrides ({@link dev.testlet.engine.spi.OverrideLayer}), its stop. A deployed server has a
 *       transport and no {@code App}.</li>
 * </ul>
 *
 * <pre>{@code
 * App app = Engines.start(servletApp, Duration.ofSeconds(10));
 * Exchange e = app.transport().execute(RequestPlan.of("GET", "/items"), null);
 * app.close();
 * }</pre>
 *
 * <p>Test code uses {@code dev.testlet}; this package is for tools built on Testlet's engine.
 */
@NullMarked
package dev.testlet.engine.spi;

import org.jspecify.annotations.NullMarked;
