/**
 * A signup service that answers at once and sends the welcome mail in the background: the example for
 * overrides (a fake mailer), waiting for background work, and concurrent requests.
 */
package dev.testlet.examples.signup;
