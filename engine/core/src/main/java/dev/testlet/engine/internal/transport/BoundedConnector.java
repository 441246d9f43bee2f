package dev.testlet.engine.internal.transport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * Jetty's in-process connector, with endpoints whose output buffer is bounded ({@link BoundedEndPoint}):
 * a response bigger than the buffer waits for the test to read it, as it would on a socket, instead
 * of piling up in memory. (Jetty's {@code LocalConnector.connect()} makes endpoints that buffer
 * without a bound, and it offers no way to make another kind; so this connector queues its own.)
 */
public final class BoundedConnector extends LocalConnector {

    private final BlockingQueue<BoundedEndPoint> pending = new LinkedBlockingQueue<>();

    /**
     * A connector.
     *
     * @param server the server
     * @param factory the HTTP/1.1 connection factory
     */
    public BoundedConnector(Server server, ConnectionFactory factory) {
        super(server, factory);
    }

    /**
     * A new endpoint, opened on this thread (or by the acceptor, while the connector does not accept).
     *
     * @param maxOutput the most response bytes it holds before the server's writes wait
     * @return the endpoint
     */
    BoundedEndPoint open(int maxOutput) {
        BoundedEndPoint endPoint = new BoundedEndPoint(this, maxOutput);
        if (isRunning() && isAccepting()) {
            // On the caller's thread: waking the acceptor thread for it cost a new connection tens of
            // microseconds on a busy machine (a WebSocket session or stream opens one each time).
            open(endPoint);
        } else {
            pending.add(endPoint);
        }
        return endPoint;
    }

    @Override
    protected void accept(int acceptorID) throws InterruptedException {
        open(pending.take());
    }

    private void open(BoundedEndPoint endPoint) {
        Connection connection = getDefaultConnectionFactory().newConnection(this, endPoint);
        endPoint.setConnection(connection);
        endPoint.onOpen();
        onEndPointOpened(endPoint);
        connection.onOpen();
    }
}
