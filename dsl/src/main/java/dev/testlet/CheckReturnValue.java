package dev.testlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks methods that return a new, changed copy and change nothing else: ignoring the result is a
 * bug ({@code spec.header("X", "1");} on its own line does nothing). IDEs and Error Prone recognise
 * any annotation of this name and warn.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface CheckReturnValue {}
