package dev.testlet

import tools.jackson.core.type.TypeReference

/**
 * The body read as [T] with the client's JSON mapper; a generic type keeps its type arguments.
 *
 * ```kotlin
 * import dev.testlet.bodyAs
 *
 * val items = response.bodyAs<List<Item>>()
 * ```
 *
 * @throws AssertionError when Jackson cannot read the body as [T], showing the exchange
 */
inline fun <reified T : Any> Response.bodyAs(): T = bodyAs(object : TypeReference<T>() {})

/**
 * The JSON value at an RFC 6901 pointer, read as [T].
 *
 * ```kotlin
 * import dev.testlet.bodyAs
 *
 * val items = response.bodyAs<List<Item>>("/items")
 * ```
 *
 * @param pointer "" for the whole document, or a pointer such as "/items"
 * @throws AssertionError when there is no value there, or Jackson cannot read it as [T]
 */
inline fun <reified T : Any> Response.bodyAs(pointer: String): T = bodyAs(pointer, object : TypeReference<T>() {})

/**
 * The JSON value at an RFC 6901 pointer, read as [T]: `json("/owner/name")` gives the node,
 * `json<String>("/owner/name")` the value.
 *
 * ```kotlin
 * import dev.testlet.json
 *
 * val name = response.json<String>("/owner/name")
 * val tags = response.json<List<String>>("/tags")
 * ```
 *
 * @param pointer "" for the whole document, or a pointer such as "/owner/name"
 * @throws AssertionError when there is no value there, or Jackson cannot read it as [T]
 */
inline fun <reified T : Any> Response.json(pointer: String): T = bodyAs(pointer, object : TypeReference<T>() {})
