/** Engine machinery: what an EE level's module (ee10, ee11) provides to mount an app on its Jetty servlet context. Not API. */
@NullMarked
package dev.testlet.engine.internal.mount;

import org.jspecify.annotations.NullMarked;
