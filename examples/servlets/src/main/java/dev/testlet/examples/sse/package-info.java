/**
 * An example app that streams server-sent events, written as plain servlets: a heartbeat (async,
 * JSON events with the time), a job's progress (a stream that ends, resumable with
 * {@code Last-Event-ID}), and an endless ticker. Its tests in {@code src/test} (Java and Kotlin) use
 * Testlet's public DSL only.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(EventsApp.app());
 *      EventStream events = client.given().sse("/heartbeat")) {
 *     events.expectStatus(200).expectContentType("text/event-stream");
 *     events.next().json("/time");
 * }
 * }</pre>
 */
package dev.testlet.examples.sse;
