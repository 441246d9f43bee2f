package dev.testlet;

/**
 * An override of a context attribute, active until closed: then the app reads its own value again.
 *
 * <pre>{@code
 * try (AttributeOverride fake = client.override("mailer", new FakeMailer())) {
 *     client.given().post("/signup").expectStatus(201);
 * }   // the real mailer is back
 * }</pre>
 */
public final class AttributeOverride implements AutoCloseable {

    private final String name;
    private final Runnable restore;

    AttributeOverride(String name, Runnable restore) {
        this.name = name;
        this.restore = restore;
    }

    /**
     * The overridden attribute's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /** Removes the override; idempotent. */
    @Override
    public void close() {
        restore.run();
    }

    @Override
    public String toString() {
        return "override of " + name;
    }
}
