package dev.testlet.examples.signup;

/**
 * What the app sends mail with. The app reads it from the {@code "mailer"} context attribute, which is
 * where a test puts its fake.
 *
 * <pre>{@code Mailer mailer = (Mailer) context.getAttribute(Mailer.ATTRIBUTE);}</pre>
 */
@FunctionalInterface
public interface Mailer {

    /** The context attribute the app reads its mailer from. */
    String ATTRIBUTE = "mailer";

    /**
     * Sends a mail.
     *
     * @param to the address
     * @param subject the subject
     */
    void send(String to, String subject);
}
