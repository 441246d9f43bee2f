/**
 * Testlet's DSL: what tests are written in. {@code dev.testlet} has the client, requests, responses
 * and streams; {@code dev.testlet.junit} the JUnit extension.
 */
module dev.testlet {
    requires transitive dev.testlet.engine;
    requires transitive tools.jackson.databind;
    requires transitive org.opentest4j;
    requires transitive org.jspecify;
    requires static transitive org.junit.jupiter.api;
    // The Kotlin extensions' (Kotlin users have both; Java users never load those classes).
    requires static kotlin.stdlib;
    requires static kotlinx.coroutines.core;
    requires java.logging;

    exports dev.testlet;
    exports dev.testlet.junit;

}
