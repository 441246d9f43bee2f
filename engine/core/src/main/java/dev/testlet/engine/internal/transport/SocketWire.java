package dev.testlet.engine.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A wire over a TCP (or TLS) socket: to an app Testlet serves on a real port, or to a deployed server.
 * For an app in this JVM it registers the request it carries under its local port, which the server
 * sees as the client's port, so the app's side can find which test sent it. TLS checks what a browser checks: the
 * certificate chain against the trust store (the JVM's, or the {@link SSLContext} given for a test
 * CA) and the host name against the certificate (endpoint identification, RFC 2818), with SNI; the
 * handshake happens at connect, within the timeout. A read that fails is an error carrying its cause,
 * never a quiet end of the stream.
 */
final class SocketWire implements Wire {

    private final Socket socket;
    /** host:port as dialled, for messages. */
    private final String peer;
    private final @Nullable Map<Integer, InFlight> registry;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    /** Whether this wire came from the idle pool for its current exchange. */
    volatile boolean reused;

    private SocketWire(Socket socket, String peer, @Nullable Map<Integer, InFlight> registry) throws IOException {
        this.socket = socket;
        this.peer = peer;
        this.registry = registry;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a connection; for TLS, completes the handshake.
     *
     * @param host the host name (or IP literal) dialled, which a TLS certificate must name
     * @param port the port
     * @param tls whether to speak TLS
     * @param trust the TLS context to use (a test CA's trust store), or null for the JVM's default
     * @param timeoutMillis how long connecting and the handshake may take
     * @param registry where an app in this JVM finds the request this wire carries, or null
     * @return the wire
     * @throws SSLHandshakeException naming why the server's certificate was refused
     * @throws IOException when the connection could not be made
     */
    static SocketWire connect(String host, int port, boolean tls, @Nullable SSLContext trust, int timeoutMillis,
            @Nullable Map<Integer, InFlight> registry) throws IOException {
        Socket socket = tls ? tlsSocket(host, trust) : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            if (socket instanceof SSLSocket ssl) {
                socket.setSoTimeout(Math.max(1, timeoutMillis));
                try {
                    ssl.startHandshake();
                } catch (SSLHandshakeException e) {
                    throw refused(host, port, e);
                }
            }
            return new SocketWire(socket, host + ":" + port, registry);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static SSLSocket tlsSocket(String host, @Nullable SSLContext trust) throws IOException {
        SSLContext context;
        try {
            context = trust != null ? trust : SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this JVM has no default TLS context", e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** A handshake failure in words: the certificate's name, its trust, or whatever else TLS said. */
    private static SSLHandshakeException refused(String host, int port, SSLHandshakeException e) {
        String detail = rootMessage(e);
        String why;
        if (hasCause(e, CertificateException.class) && detail.contains("match")) {
            why = "its certificate is not valid for the name " + host + " (" + detail + "); dial a name the"
                    + " certificate lists, or give the server a certificate for " + host;
        } else if (detail.contains("PKIX") || detail.contains("certification path")) {
            why = "its certificate is not trusted (" + detail + "); for a test CA or a self-signed certificate,"
                    + " give the client an SSLContext whose trust store holds it";
        } else {
            why = detail;
        }
        SSLHandshakeException refused = new SSLHandshakeException("the TLS handshake with " + host + ":" + port
                + " failed: " + why);
        refused.initCause(e);
        return refused;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage() != null ? root.getMessage() : e.getMessage());
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    @Override
    public void carry(@Nullable InFlight request) {
        if (registry != null) {
            if (request == null) {
                registry.remove(socket.getLocalPort());
            } else {
                registry.put(socket.getLocalPort(), request);
            }
        }
    }

    @Override
    public void send(ByteBuffer bytes, boolean inline) {
        try {
            if (bytes.hasArray()) {
                out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.duplicate().get(copy);
                out.write(copy);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write to " + peer + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException when reading failed (a reset connection, a TLS error): that is not
     *     the end of the response, and the cause says what happened. (A socket this side closed reads
     *     as the end.)
     */
    @Override
    public void sendRequest(ByteBuffer head, dev.testlet.engine.internal.http.@Nullable Upload upload, boolean inline,
            dev.testlet.engine.internal.http.@Nullable ResponseReader reader) {
        send(head, inline);
        if (upload != null) {
            try {
                upload.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(upload.failure() != null ? e.getMessage()
                        : "could not write the request body to " + socket.getRemoteSocketAddress(), e);
            }
        }
    }

    @Override
    public @Nullable ByteBuffer read(long deadlineNanos) throws InterruptedException {
        long wait = deadlineNanos - System.nanoTime();
        if (wait <= 0) {
            return null;
        }
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, wait / 1_000_000)));
            int n = in.read(buffer);
            return n < 0 ? ByteBuffer.allocate(0) : ByteBuffer.wrap(Arrays.copyOf(buffer, n));
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            if (socket.isClosed()) {
                return ByteBuffer.allocate(0); // closed on our side, as close() does to end a stream
            }
            throw new UncheckedIOException("reading from " + peer + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed() && !socket.isInputShutdown();
    }

    @Override
    public void close() {
        carry(null);
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
