package dev.testlet.examples.items;

import dev.testlet.engine.ServletApp;

/**
 * The items app as a test mounts it: {@link ItemsServlet} at {@code /items/*} behind
 * {@link BearerAuthFilter}, with {@link AppLifecycle} opening and closing the repository.
 *
 * <pre>{@code
 * try (TestClient client = Testlet.start(ItemsApp.app())) {
 *     client.given().bearerAuth(ItemsApp.TOKEN).get("/items").expectStatus(200);
 * }
 * }</pre>
 */
public final class ItemsApp {

    /** The token the app accepts unless it is configured with others (through {@link #builder()}). */
    public static final String TOKEN = "let-me-in";

    private ItemsApp() {}

    /**
     * The app with an empty repository that {@link AppLifecycle} creates at each start.
     *
     * @return the app
     */
    public static ServletApp app() {
        return builder().build();
    }

    /**
     * The app with a repository of the caller's, which it opens at start and closes at stop. A
     * repository is opened once, so start this app once (make a new repository for the next test).
     *
     * <pre>{@code Testlet.start(ItemsApp.app(ItemRepository.of(new NewItem("pen", new BigDecimal("1.50")))))}</pre>
     *
     * @param repository a repository that has not been opened yet
     * @return the app
     */
    public static ServletApp app(ItemRepository repository) {
        return builder().attribute(AppLifecycle.REPOSITORY, repository).build();
    }

    /**
     * The app's parts, to add to before building: other tokens, another listener, a repository.
     *
     * <pre>{@code ItemsApp.builder().attribute(BearerAuthFilter.TOKENS, Set.of("rotated")).build()}</pre>
     *
     * @return a builder with the app's listener, filter, servlet and the {@link #TOKEN} init parameter
     */
    public static ServletApp.Builder builder() {
        return ServletApp.builder()
                .listener(AppLifecycle.class)
                .filter("/items/*", BearerAuthFilter.class)
                .servlet("/items/*", ItemsServlet.class)
                .initParameter(BearerAuthFilter.TOKENS, TOKEN);
    }
}
