package dev.testlet

import tools.jackson.core.type.TypeReference

/**
 * The event's data read as [T] with the client's JSON mapper.
 *
 * ```kotlin
 * import dev.testlet.dataAs
 *
 * val progress = events.next().dataAs<Progress>()
 * ```
 *
 * @throws AssertionError when Jackson cannot read the data as [T], showing the event
 */
inline fun <reified T : Any> ServerSentEvent.dataAs(): T = dataAs(object : TypeReference<T>() {})
