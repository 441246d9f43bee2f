package dev.testlet.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (or a class) that only means something in one mode, so the other mode skips it with
 * the reason given instead of failing: a test that shares a {@code ThreadLocal} (a transaction) with
 * the app only works in-process, where the handler runs on the test's thread.
 *
 * <pre>{@code
 * @Test
 * @OnlyInMode(value = Mode.IN_PROCESS, because = "the app joins the test's transaction on the test's thread")
 * void rolls_back(TestClient client) { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface OnlyInMode {

    /**
     * The mode the test means something in.
     *
     * @return the mode
     */
    Mode value();

    /**
     * Why, for the report of the skipped run.
     *
     * @return the reason
     */
    String because() default "";
}
