package io.github.oidcservlet.peers;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * How a peer runs under the login benchmark: {@code java -cp peers.jar <peer class> <issuer> <client id> <secret>}
 * serves on a free port of 127.0.0.1, prints {@code LISTENING <base URL>} once it can log users in, and stops when
 * its standard input ends (the benchmark closes it, or ends).
 */
final class PeerMain {

    /** Builds the peer's server for its port (the callback URL names it). */
    interface Peer {
        Server server(int port, String issuer, String clientId, String secret) throws Exception;
    }

    private PeerMain() {
    }

    static void run(String[] args, Peer peer) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("arguments: issuer client-id client-secret");
        }
        int port = freePort();
        Server server = peer.server(port, args[0], args[1], args[2]);
        server.start();
        System.out.println("LISTENING http://127.0.0.1:" + port);
        System.out.flush();
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // until the benchmark closes our standard input
            }
        }
        server.stop();
    }

    /** Jetty on 127.0.0.1:{@code port}. */
    static Server onLoopback(int port) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
