package dev.testlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks methods that return a new, changed copy and change nothing else: ignoring the result is a
 * bug, because the receiver is immutable. IDEs and Error Prone recognise any annotation of this name
 * and warn.
 *
 * <pre>{@code
 * RequestSpec spec = client.given();
 * spec.header("X-Trace", "1");            // warning: the result is ignored, nothing changes
 * spec = spec.header("X-Trace", "1");     // right
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CheckReturnValue {}
