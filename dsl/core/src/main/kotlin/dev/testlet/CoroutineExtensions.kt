package dev.testlet

import java.time.Duration
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.runInterruptible

/**
 * [TestClient.eventually] for coroutines: retries [attempt] until it succeeds (returns without
 * throwing, and not `false`) or the client's timeout passes, without blocking the calling
 * coroutine's thread, so other coroutines on it (the work being waited for, in `runTest`) go on.
 * The attempt may suspend (`client.async().given().get("/jobs/1").await()`). It runs on
 * [Dispatchers.IO], not on the caller's thread, so use the client rather than `Testlet.given()`
 * inside it. Cancelling the caller stops the retrying.
 *
 * ```kotlin
 * import dev.testlet.awaitEventually
 *
 * client.awaitEventually { client.given().get("/jobs/1").expectJson("/state", "done") }
 * ```
 *
 * @return what the successful attempt returned
 * @throws AssertionError when no attempt succeeded in time, with the last attempt's failure
 */
suspend fun <T : Any> TestClient.awaitEventually(attempt: suspend () -> T): T =
    awaitEventually(timeout(), attempt)

/**
 * [awaitEventually] with its own [timeout].
 *
 * ```kotlin
 * client.awaitEventually(Duration.ofSeconds(2)) { mailer.sent().size == 1 }
 * ```
 *
 * @param timeout how long to keep trying
 * @return what the successful attempt returned
 * @throws AssertionError when no attempt succeeded in time, with the last attempt's failure
 */
suspend fun <T : Any> TestClient.awaitEventually(timeout: Duration, attempt: suspend () -> T): T =
    runInterruptible(Dispatchers.IO) { eventually(timeout) { runBlocking { attempt() } } }
