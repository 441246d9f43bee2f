package dev.testlet

import tools.jackson.core.type.TypeReference

/**
 * Waits for the next message and reads it as [T] with the client's JSON mapper; `receiveJson()`
 * without a type gives the JSON tree.
 *
 * ```kotlin
 * import dev.testlet.receiveJson
 *
 * val message = ws.receiveJson<ChatMessage>()
 * ```
 *
 * @throws AssertionError when Jackson cannot read the message as [T], the session ends, or none comes in time
 */
inline fun <reified T : Any> WebSocketSession.receiveJson(): T = receiveJson(object : TypeReference<T>() {})
