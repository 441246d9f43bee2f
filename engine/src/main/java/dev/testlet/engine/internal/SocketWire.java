package dev.testlet.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/** A wire over a TCP (or TLS) socket to a deployed server. */
final class SocketWire implements Wire {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];

    private SocketWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static SocketWire connect(String host, int port, boolean tls, int timeoutMillis) throws IOException {
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        return new SocketWire(socket);
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
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
