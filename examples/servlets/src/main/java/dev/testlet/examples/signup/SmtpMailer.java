package dev.testlet.examples.signup;

import java.util.logging.Logger;

/**
 * The production mailer. In this example it only logs; a real one would talk SMTP, which is why tests
 * override it.
 *
 * <pre>{@code new SmtpMailer("smtp.example.org").send("ann@example.org", "Welcome")}</pre>
 */
public final class SmtpMailer implements Mailer {

    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());

    private final String host;

    /**
     * A mailer for an SMTP host.
     *
     * @param host the SMTP host
     */
    public SmtpMailer(String host) {
        this.host = host;
    }

    @Override
    public void send(String to, String subject) {
        LOG.info(() -> "would send '" + subject + "' to " + to + " through " + host);
    }
}
