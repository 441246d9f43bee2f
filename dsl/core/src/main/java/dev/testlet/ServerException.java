package dev.testlet;

import dev.testlet.internal.ExchangeFormatter;
import dev.testlet.internal.Facts;
import java.util.Objects;

/**
 * An exception escaped the app while it handled a request, and the client rethrows such exceptions
 * (the default, as Starlette's {@code raise_server_exceptions}). Its cause is what the app threw; its
 * message shows the exchange; {@link #response()} is the real response Jetty produced (usually a
 * 500 error page).
 *
 * <pre>{@code
 * ServerException e = assertThrows(ServerException.class, () -> client.given().get("/boom"));
 * assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
 * e.response().status();   // 500
 *
 * // to assert on the 500 instead:
 * client.withServerExceptionsAsResponses().given().get("/boom").expectStatus(500);
 * }</pre>
 */
public final class ServerException extends RuntimeException {

    private final transient Response response;

    ServerException(Response response) {
        super(message(response), Objects.requireNonNull(response.serverException()));
        this.response = response;
    }

    /**
     * The response the server sent for the failed request.
     *
     * <pre>{@code e.response().expectStatus(500)}</pre>
     *
     * @return the response, with the exception attached
     */
    public Response response() {
        return response;
    }

    private static String message(Response response) {
        Throwable thrown = Objects.requireNonNull(response.serverException());
        Facts facts = Facts.of("the app threw", thrown)
                .and("while handling", response.exchange().request().method() + " " + response.exchange().request().target())
                .and("response", response.exchange().statusLine() + (response.exchange().isComplete() ? ""
                        : ", cut short after " + response.exchange().bodyLength()
                        + " body bytes: the app threw after the response was committed, so Jetty could not send a 500"))
                .and("to get the response instead", "client.withServerExceptionsAsResponses()");
        ExchangeFormatter formatter = response.formatter();
        return facts.render() + "\n\n" + formatter.format(response.exchange());
    }
}
