/** HAR 1.2 export of recorded traffic, secrets masked as in failure reports. Not API. */
@NullMarked
package dev.testlet.internal.har;

import org.jspecify.annotations.NullMarked;
