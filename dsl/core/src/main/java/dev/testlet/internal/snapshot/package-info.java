/**
 * Snapshot testing: the canonical text of what a test saw (a response, an event stream, a WebSocket
 * conversation), redaction of volatile parts, snapshot files and their lifecycle (write when missing,
 * fail on CI, update on request, report unused entries). Not API.
 */
@NullMarked
package dev.testlet.internal.snapshot;

import org.jspecify.annotations.NullMarked;
