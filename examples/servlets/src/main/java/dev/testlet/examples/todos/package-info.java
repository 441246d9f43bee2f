/**
 * A to-do list on an embedded H2 database: the example for sharing a test's transaction with the app
 * (sync mode runs the handler on the test's thread) and rolling it back.
 */
package dev.testlet.examples.todos;
