package dev.testlet.examples.signup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered addresses. Registering is atomic, so two concurrent signups with one address give one
 * account.
 *
 * <pre>{@code accounts.register("ann@example.org")   // true the first time, false after}</pre>
 */
public final class Accounts {

    private final Set<String> emails = ConcurrentHashMap.newKeySet();

    /**
     * Registers an address.
     *
     * @param email the address
     * @return true if it was new
     */
    public boolean register(String email) {
        return emails.add(email.toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * How many accounts there are.
     *
     * @return the count
     */
    public int count() {
        return emails.size();
    }
}
