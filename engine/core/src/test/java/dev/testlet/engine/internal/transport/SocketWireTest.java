package dev.testlet.engine.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS for real: Jetty on 127.0.0.1 with self-signed certificates made by the JDK's own keytool, one
 * for a name that is not the one dialled, one for {@code localhost}; and a read that fails.
 */
class SocketWireTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static Path otherName;
    static Path localhost;

    @BeforeAll
    static void makeCertificates() throws Exception {
        otherName = keytool("other.example", "dns:other.example");
        localhost = keytool("localhost", "dns:localhost,ip:127.0.0.1");
    }

    @Test
    void a_trusted_certificate_for_another_name_is_refused_naming_the_name() throws Exception {
        try (Tls server = new Tls(otherName)) {
            Throwable refused = catchThrowable(() -> SocketWire.connect("localhost", server.port(), true,
                    trusting(otherName), 5_000, null).close());

            assertThat(refused).isInstanceOf(SSLHandshakeException.class)
                    .hasMessage("the TLS handshake with localhost:" + server.port() + " failed: its certificate is not"
                            + " valid for the name localhost (No subject alternative DNS name matching localhost found.);"
                            + " dial a name the certificate lists, or give the server a certificate for localhost");
        }
    }

    @Test
    void a_certificate_for_localhost_trusted_through_an_explicit_trust_store_works() throws Exception {
        try (Tls server = new Tls(localhost)) {
            SocketWire wire = SocketWire.connect("localhost", server.port(), true, trusting(localhost), 5_000, null);
            try {
                String response = exchange(wire, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

                assertThat(response).startsWith("HTTP/1.1 200 OK").endsWith("tls ok");
            } finally {
                wire.close();
            }
        }
    }

    @Test
    void a_certificate_nobody_trusts_is_refused_saying_how_to_trust_it() throws Exception {
        try (Tls server = new Tls(localhost)) {
            Throwable refused = catchThrowable(() -> SocketWire.connect("localhost", server.port(), true, null, 5_000, null).close());

            assertThat(refused).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageStartingWith("the TLS handshake with localhost:" + server.port()
                            + " failed: its certificate is not trusted (")
                    .hasMessageEndingWith("); for a test CA or a self-signed certificate, give the client an SSLContext"
                            + " whose trust store holds it");
        }
    }

    @Test
    void a_read_that_fails_is_an_error_with_its_cause_not_the_end_of_the_stream() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> {
                try (Socket accepted = listener.accept()) {
                    accepted.getInputStream().read();
                    accepted.setSoLinger(true, 0); // close with a reset, as a crashed server's kernel does
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            SocketWire wire = SocketWire.connect("127.0.0.1", listener.getLocalPort(), false, null, 5_000, null);
            try {
                wire.send(ByteBuffer.wrap(new byte[] {'G'}), true);
                reset.get(5, TimeUnit.SECONDS);

                Throwable thrown = catchThrowable(() -> wire.read(System.nanoTime() + 5_000_000_000L));

                assertThat(thrown).isInstanceOf(UncheckedIOException.class)
                        .hasMessage("reading from 127.0.0.1:" + listener.getLocalPort() + " failed: Connection reset")
                        .hasCauseInstanceOf(SocketException.class);
            } finally {
                wire.close();
            }
        }
    }

    @Test
    void a_socket_closed_on_this_side_reads_as_the_end() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketWire wire = SocketWire.connect("127.0.0.1", listener.getLocalPort(), false, null, 5_000, null);
            wire.close();

            assertThat(wire.read(System.nanoTime() + 1_000_000_000L).hasRemaining()).isFalse();
        }
    }

    // ---------------------------------------------------------------- fixtures

    /** Jetty with TLS on 127.0.0.1, answering "tls ok". */
    private static final class Tls implements AutoCloseable {
        private final Server server = new Server();
        private final ServerConnector connector;

        Tls(Path keyStore) throws Exception {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keyStore.toString());
            ssl.setKeyStorePassword(PASSWORD);
            HttpConfiguration https = new HttpConfiguration();
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    Content.Sink.write(response, true, "tls ok", callback);
                    return true;
                }
            });
            server.start();
        }

        int port() {
            return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /** A PKCS12 key store with a self-signed certificate, made by this JDK's keytool. */
    private static Path keytool(String name, String subjectAltNames) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=" + subjectAltNames, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        boolean done = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done && process.exitValue() == 0).as("keytool: %s", output).isTrue();
        assertThat(Files.size(store)).isPositive();
        return store;
    }

    /** An SSLContext trusting exactly the certificate in a key store: what a test hands the client for its CA. */
    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            server.load(in, PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("test-ca", server.getCertificate("server"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String exchange(SocketWire wire, String request) throws InterruptedException {
        wire.send(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)), true);
        StringBuilder response = new StringBuilder();
        long deadline = System.nanoTime() + 5_000_000_000L;
        ByteBuffer chunk;
        while ((chunk = wire.read(deadline)) != null && chunk.hasRemaining()) {
            response.append(StandardCharsets.ISO_8859_1.decode(chunk));
        }
        return response.toString();
    }

}
