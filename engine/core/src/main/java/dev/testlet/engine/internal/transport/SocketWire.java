package dev.testlet.engine.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A wire over a TCP (or TLS) socket: to an app Testlet serves on a real port, or to a deployed server.
 * For an app in this JVM it registers the request it carries under its local port, which the server
 * sees as the client's port, so the app's side can find which test sent it.
 */
final class SocketWire implements Wire {

    private final Socket socket;
    private final @Nullable Map<Integer, InFlight> registry;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    /** Whether this wire came from the idle pool for its current exchange. */
    volatile boolean reused;

    private SocketWire(Socket socket, @Nullable Map<Integer, InFlight> registry) throws IOException {
        this.socket = socket;
        this.registry = registry;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static SocketWire connect(String host, int port, @Nullable SSLSocketFactory tls, int timeoutMillis,
            @Nullable Map<Integer, InFlight> registry) throws IOException {
        Socket socket = tls != null ? tls.createSocket() : new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        return new SocketWire(socket, registry);
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
            throw new UncheckedIOException("could not write to " + socket.getRemoteSocketAddress(), e);
        }
    }

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
            return ByteBuffer.allocate(0);
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
