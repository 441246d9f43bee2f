package dev.testlet.examples.signup;

import dev.testlet.engine.ServletApp;

/**
 * The signup app as tests mount it, with Testlet's tracked executor as its mail queue so a test can
 * wait for the welcome mail.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(SignupApp.app())) {
 *     client.given().formParam("email", "ann@example.org").post("/signup").expectStatus(201);
 * }
 * }</pre>
 */
public final class SignupApp {

    /** The context attribute holding {@link Accounts}. */
    public static final String ACCOUNTS = "accounts";

    /** The context attribute holding the executor the app sends mail on. */
    public static final String MAIL_QUEUE = "mailQueue";

    private SignupApp() {}

    /**
     * The app.
     *
     * @return the app
     */
    public static ServletApp app() {
        return ServletApp.builder()
                .listener(SignupLifecycle.class)
                .backgroundExecutor(MAIL_QUEUE)
                .servlet("/signup", SignupServlet.class)
                .build();
    }
}
