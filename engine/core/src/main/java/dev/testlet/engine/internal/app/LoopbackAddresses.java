package dev.testlet.engine.internal.app;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.URIUtil;

/**
 * Makes an in-process connection look like a loopback one: a {@code LocalConnector} endpoint has no
 * addresses ({@code 0.0.0.0:0}), so an app would see {@code getRemoteAddr()} = {@code 0.0.0.0} and
 * {@code getLocalPort()} = 0, and an IP allow-list would deny in-process what it admits over a
 * socket. With this customizer the app sees a client at {@code 127.0.0.1} on an ephemeral port
 * (49152–65535, one per connection, kept while the connection lives), and a local address of
 * {@code 127.0.0.1} on the port the request's {@code Host} names (80 when it names none).
 *
 * <pre>{@code
 * HttpConfiguration http = new HttpConfiguration();
 * http.addCustomizer(new LoopbackAddresses());
 * // Host: localhost       -> getRemoteAddr() 127.0.0.1, getRemotePort() 49152.., getLocalPort() 80
 * // Host: localhost:8080  -> getLocalPort() 8080
 * }</pre>
 */
final class LoopbackAddresses implements HttpConfiguration.Customizer {

    private static final int FIRST_EPHEMERAL_PORT = 49152;
    /** 65536 - 49152: the ephemeral range of RFC 6335. */
    private static final int EPHEMERAL_PORTS = 16384;
    private static final String REMOTE = LoopbackAddresses.class.getName() + ".remote";

    private final AtomicInteger connections = new AtomicInteger();
    private final InetAddress loopback;
    private final InetSocketAddress localOnPort80;

    LoopbackAddresses() {
        try {
            // Named, so that nothing ever looks the address up (Jetty itself reports it by number).
            loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
        localOnPort80 = new InetSocketAddress(loopback, 80);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        ConnectionMetaData connection = request.getConnectionMetaData();
        SocketAddress remote = (SocketAddress) connection.getAttribute(REMOTE);
        if (remote == null) {
            remote = new InetSocketAddress(loopback, FIRST_EPHEMERAL_PORT
                    + Math.floorMod(connections.getAndIncrement(), EPHEMERAL_PORTS));
            connection.setAttribute(REMOTE, remote);
        }
        int port = request.getHttpURI().getPort();
        if (port <= 0) {
            port = URIUtil.getDefaultPortForScheme(request.getHttpURI().getScheme());
        }
        SocketAddress local = port == 80 || port <= 0 ? localOnPort80 : new InetSocketAddress(loopback, port);
        ConnectionMetaData addressed = new Addressed(connection, remote, local);
        return new Request.Wrapper(request) {
            @Override
            public ConnectionMetaData getConnectionMetaData() {
                return addressed;
            }
        };
    }

    /** The connection's metadata with loopback addresses. */
    private static final class Addressed extends ConnectionMetaData.Wrapper {
        private final SocketAddress remote;
        private final SocketAddress local;

        Addressed(ConnectionMetaData wrapped, SocketAddress remote, SocketAddress local) {
            super(wrapped);
            this.remote = remote;
            this.local = local;
        }

        @Override
        public SocketAddress getRemoteSocketAddress() {
            return remote;
        }

        @Override
        public SocketAddress getLocalSocketAddress() {
            return local;
        }
    }
}
