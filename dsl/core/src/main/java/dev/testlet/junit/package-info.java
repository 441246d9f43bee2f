/**
 * The JUnit Jupiter extension: an app per test class (or per test), a {@code TestClient} injected into
 * tests, {@code Testlet.given()} bound to the running test, and the test's HTTP traffic added to its
 * failure report.
 */
@NullMarked
package dev.testlet.junit;

import org.jspecify.annotations.NullMarked;
