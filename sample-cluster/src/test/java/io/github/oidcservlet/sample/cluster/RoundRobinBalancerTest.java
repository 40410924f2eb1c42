package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RoundRobinBalancer}'s redispatch: a request that got no answer from a node goes once to the next live one
 * when it can go out again unchanged. Its probe is kept out of the way (once an hour), so the first request goes to
 * the first node added, whatever the machine's speed.
 */
class RoundRobinBalancerTest {

    private final List<AutoCloseable> running = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger servedByB = new AtomicInteger();
    private RoundRobinBalancer balancer;
    private URI through;
    private URI nodeB;

    @BeforeEach
    void startBalancerAndNodeB() throws Exception {
        balancer = new RoundRobinBalancer(Duration.ofHours(1));
        through = start(balancer);
        nodeB = start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                servedByB.incrementAndGet();
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Content.Sink.write(response, true, "b " + request.getMethod() + " " + body, callback);
                return true;
            }
        });
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    @Test
    void everyGetIsServedByNodeBWhileNodeARefusesConnectionsTheFirstIncluded() throws Exception {
        URI nodeA = stoppedNode();
        balancer.add(nodeA);
        balancer.add(nodeB);

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(through.resolve("/api/me")).GET());
            assertThat(answer.statusCode()).as("request %s", i).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("b GET ");
        }

        assertThat(servedByB).hasValue(4);
        assertThat(balancer.isUp(nodeA)).as("node a in the rotation").isFalse();
        assertThat(balancer.forwardedTo(nodeA)).isZero();
        assertThat(balancer.forwardedTo(nodeB)).isEqualTo(4);
    }

    @Test
    void aPostRefusedByNodeAIsRedispatchedToNodeBWithItsBody() throws Exception {
        balancer.add(stoppedNode());
        balancer.add(nodeB);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(through.resolve("/callback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=c&state=s")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("b POST code=c&state=s");
    }

    @Test
    void aNodeThatAnswers500IsNotAskedAgainOnAnother() throws Exception {
        AtomicInteger servedByC = new AtomicInteger();
        URI nodeC = start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                servedByC.incrementAndGet();
                Response.writeError(request, response, callback, 500);
                return true;
            }
        });
        balancer.add(nodeC);
        balancer.add(nodeB);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(through.resolve("/api/me")).GET());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(servedByC).hasValue(1);
        assertThat(servedByB).hasValue(0);
        assertThat(balancer.isUp(nodeC)).isTrue();
    }

    @Test
    void aGetWhoseConnectionClosesBeforeAnyAnswerIsRedispatched() throws Exception {
        AtomicInteger received = new AtomicInteger();
        balancer.add(rawNode("", received));
        balancer.add(nodeB);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(through.resolve("/api/me")).GET());

        assertThat(received).as("requests node a read").hasValue(1);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("b GET ");
    }

    @Test
    void aPostWhoseConnectionClosesAfterItWasSentIsNotRedispatched() throws Exception {
        AtomicInteger received = new AtomicInteger();
        balancer.add(rawNode("", received));
        balancer.add(nodeB);

        HttpResponse<String> answer = send(HttpRequest.newBuilder(through.resolve("/callback"))
                .POST(HttpRequest.BodyPublishers.ofString("code=c&state=s")));

        assertThat(received).hasValue(1);
        assertThat(answer.statusCode()).as("the node may have acted on it").isEqualTo(502);
        assertThat(servedByB).hasValue(0);
    }

    @Test
    void aGetWhoseAnswerBrokeOffIsNotRedispatched() throws Exception {
        AtomicInteger received = new AtomicInteger();
        balancer.add(rawNode("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart of it", received));
        balancer.add(nodeB);

        Throwable failure = catchThrowable(() -> send(HttpRequest.newBuilder(through.resolve("/api/me")).GET()));

        assertThat(failure).as("the client sees the answer break off").isInstanceOf(IOException.class);
        assertThat(received).hasValue(1);
        assertThat(servedByB).hasValue(0);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI start(Handler handler) throws Exception {
        Server server = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.setHandler(handler);
        server.start();
        running.add(server::stop);
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
    }

    /** The address of a node that was started and stopped: its port refuses connections. */
    private URI stoppedNode() throws Exception {
        URI node = start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                throw new AssertionError("node a is stopped");
            }
        });
        running.remove(running.size() - 1).close();
        return node;
    }

    /** A node that reads each request in full, writes {@code reply} and closes the connection. */
    private URI rawNode(String reply, AtomicInteger received) throws IOException {
        ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        running.add(listening);
        Thread thread = new Thread(() -> {
            while (!listening.isClosed()) {
                try (Socket connection = listening.accept()) {
                    readRequest(connection.getInputStream());
                    received.incrementAndGet();
                    connection.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    connection.getOutputStream().flush();
                } catch (IOException e) {
                    // closed at the test's end
                }
            }
        }, "raw-node");
        thread.setDaemon(true);
        thread.start();
        return URI.create("http://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
        }
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(head.toString(StandardCharsets.US_ASCII));
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
    }
}
