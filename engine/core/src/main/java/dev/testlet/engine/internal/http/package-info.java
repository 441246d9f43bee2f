/** Engine machinery: the HTTP/1.1 codec: requests written as bytes, responses parsed with Jetty's HttpParser. Not API. */
@NullMarked
package dev.testlet.engine.internal.http;

import org.jspecify.annotations.NullMarked;
