package io.github.oidcservlet.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oidcservlet.testkit.SampleAppContract;
import io.github.oidcservlet.testkit.Signing;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster sample through its balancer: the shared sample contract (every login, refresh and logout of it crosses
 * nodes, since the balancer sends each request to the next node), and the cluster's own cases (issue 13 §6). Two
 * real nodes, their sessions and our shared state in a real PostgreSQL, the testkit provider; where refresh tokens
 * matter, with rotation and reuse detection: a refresh token spent twice, by two nodes holding copies of one login,
 * ends that login at the provider, as Keycloak's "Revoke Refresh Token" does. Where the node matters, a request goes
 * to that node's own address; the browser's cookie goes with it (cookies do not tell ports apart, RFC 6265 §8.5), as
 * it would through the balancer. One cluster for the whole class; the node's death comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSampleContractIT extends SampleAppContract {

    private ClusterUnderTest cluster;

    @Override
    protected URI startApplication(TestProvider provider) throws Exception {
        cluster = ClusterUnderTest.start(providerSettings(provider));
        return cluster.baseUri();
    }

    @Override
    protected void stopApplication() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected CharSequence applicationLog() {
        return cluster == null ? "" : cluster.log();
    }

    private String node(int index, String path) {
        return cluster.cluster().nodeUris().get(index).resolve(path).toString();
    }

    private void rotateWithReuseDetection() {
        provider.behaviour().rotateRefreshTokens(true).refreshTokenReuseDetection(true);
    }

    @Test
    @Order(1)
    void theAuthorizationRedirectFromOneNodeAndTheCallbackOnTheOther() {
        TestBrowser browser = new TestBrowser();
        HttpResponse<String> toProvider = browser.get(node(0, "/profile"), NAVIGATION);
        assertThat(toProvider.statusCode()).isEqualTo(302);
        HttpResponse<String> back = browser.get(toProvider.headers().firstValue("Location").orElseThrow());
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/oidc/callback");

        // the pending login (state, nonce, PKCE verifier) was stored by node a; node b redeems the code
        HttpResponse<String> landed = browser.get(node(1, "/oidc/callback?" + callback.getRawQuery()), NAVIGATION);

        assertThat(landed.statusCode()).as("callback on node b: %s", landed.body()).isEqualTo(302);
        assertThat(URI.create(url("/")).resolve(landed.headers().firstValue("Location").orElseThrow()))
                .isEqualTo(URI.create(url("/profile")));
        assertThat(browser.get(node(0, "/api/me")).statusCode()).as("node a").isEqualTo(200);
        assertThat(browser.get(node(1, "/api/me")).statusCode()).as("node b").isEqualTo(200);
        assertThat(provider.count("token")).as("one code redemption").isEqualTo(1);
    }

    @Test
    @Order(2)
    void twentyConcurrentRequestsAfterExpiryOverBothNodesMakeOneRefreshGrantAndNoLogout() throws Exception {
        rotateWithReuseDetection();
        // due for refresh from the start (the margin, not a sleep, makes the requests below refresh)
        provider.behaviour().expiresIn(DUE_FOR_REFRESH_SECONDS);
        TestBrowser frank = logIn("frank");
        // slow enough that every request arrives while the one refresh is under way; the new token is not due
        provider.behaviour().expiresIn(300L).tokenEndpointDelay(Duration.ofMillis(500));
        int grantsBefore = refreshGrants();
        RoundRobinBalancer balancer = cluster.cluster().balancer();
        List<URI> nodes = cluster.cluster().nodeUris();
        long toA = balancer.forwardedTo(nodes.get(0));
        long toB = balancer.forwardedTo(nodes.get(1));

        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> frank.get(url("/api/me"))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(balancer.forwardedTo(nodes.get(0)) - toA).as("requests to node a").isEqualTo(10);
        assertThat(balancer.forwardedTo(nodes.get(1)) - toB).as("requests to node b").isEqualTo(10);
        assertThat(refreshGrants() - grantsBefore).as("refresh grants for 20 requests on two nodes").isEqualTo(1);
        assertThat(provider.loginsEndedByRefreshTokenReuse()).as("logins ended by a refresh token spent twice")
                .isZero();
        assertThat(frank.get(node(0, "/api/me")).statusCode()).isEqualTo(200);
        assertThat(frank.get(node(1, "/api/me")).statusCode()).isEqualTo(200);
        assertThat(refreshGrants() - grantsBefore).as("the refreshed token is not due").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aBackChannelLogoutPostedToNodeAEndsTheLoginOnNodeBWithinTwoSecondsAndItsJtiIsRefusedThere()
            throws InterruptedException {
        TestBrowser grace = logIn("grace");
        assertThat(grace.get(node(1, "/api/me")).statusCode()).isEqualTo(200);
        String token = provider.signLogoutToken(provider.logoutTokenClaims().subject("grace").build(), Signing.RS256);

        HttpResponse<String> answer = new TestBrowser().post(node(0, "/oidc/backchannel-logout"),
                Map.of("logout_token", token));
        assertThat(answer.statusCode()).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int status = grace.get(node(1, "/api/me")).statusCode();
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            status = grace.get(node(1, "/api/me")).statusCode();
        }
        assertThat(status).as("node b, within 2 s of the logout on node a").isEqualTo(401);

        HttpResponse<String> replay = new TestBrowser().post(node(1, "/oidc/backchannel-logout"),
                Map.of("logout_token", token));
        assertThat(replay.statusCode()).as("the same jti at node b: %s", replay.body()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void anRpInitiatedLogoutOnOneNodeEndsTheLoginOnBoth() {
        TestBrowser bob = logIn("bob");
        assertThat(bob.get(node(1, "/api/me")).statusCode()).isEqualTo(200);

        HttpResponse<String> logout = bob.get(node(0, "/oidc/logout"), "Accept", "text/html", "Sec-Fetch-Mode",
                "navigate", "Sec-Fetch-Site", "same-origin");

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow())
                .startsWith(provider.endSessionEndpoint().toString());
        assertThat(bob.get(node(0, "/api/me")).statusCode()).as("node a").isEqualTo(401);
        assertThat(bob.get(node(1, "/api/me")).statusCode()).as("node b").isEqualTo(401);
    }

    @Test
    @Order(5)
    void anUnchangedSessionIsNotWrittenAgainAtEveryRequest() throws Exception {
        TestBrowser ivan = logIn("ivan");
        String id = JettySessionRows.sessionId(ivan);
        long saved = JettySessionRows.lastSaved(cluster.cluster().postgres(), id);

        for (int i = 0; i < 4; i++) {
            assertThat(ivan.get(node(i % 2, "/api/me")).statusCode()).isEqualTo(200);
        }

        assertThat(JettySessionRows.lastSaved(cluster.cluster().postgres(), id))
                .as("Jetty's lastSavedTime of the session, after 4 requests on both nodes")
                .isEqualTo(saved);
    }

    /**
     * Last: node a stays dead for the rest of the class. Both nodes run in this JVM, so the "death" is no SIGKILL:
     * {@link ClusterSample#kill} closes node a's listening socket, then stops its Jetty with a stop timeout of 0
     * (open connections closed, no request waited for; none is in flight here). The web application's shutdown
     * still runs (the filter's {@code destroy()} closes the engine and its JDBC store), but nothing is written to the
     * database at that stop, so node b goes on with what PostgreSQL held before. The real {@code SIGKILL} of a node
     * in a JVM of its own, with the operating system closing its database connections, is {@link NodeSigkillIT};
     * neither stops a node mid-refresh with its claim row left behind ({@code JdbcRefreshCoordinationIT}
     * {@code aClaimWhoseNodeDiedIsTakenOverOnceItRunsOut}). See docs/CLUSTERING.md, "The cluster sample".
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aLoginSurvivesTheDeathOfANodeAndItsNextRefreshWorksOnTheOther() throws InterruptedException {
        rotateWithReuseDetection();
        // every token is due for refresh at once: each request after the kill spends the current refresh token
        provider.behaviour().expiresIn(DUE_FOR_REFRESH_SECONDS);
        TestBrowser erin = logIn("erin");
        assertThat(erin.get(url("/api/me")).statusCode()).isEqualTo(200);
        int logins = provider.count("authorize");
        int grants = refreshGrants();
        RoundRobinBalancer balancer = cluster.cluster().balancer();
        URI nodeA = cluster.cluster().nodeUris().get(0);
        URI nodeB = cluster.cluster().nodeUris().get(1);

        cluster.cluster().kill(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (balancer.isUp(nodeA) && System.nanoTime() < deadline) {
            Thread.sleep(RoundRobinBalancer.PROBE_MILLIS / 5);
        }
        assertThat(balancer.isUp(nodeA)).as("the balancer noticed node a's death").isFalse();
        long toA = balancer.forwardedTo(nodeA);
        long toB = balancer.forwardedTo(nodeB);

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> me = erin.get(url("/api/me"));
            assertThat(me.statusCode()).as("request %s after node a died: %s", i, me.body()).isEqualTo(200);
            assertThat(me.body()).contains("\"erin\"");
        }

        assertThat(balancer.forwardedTo(nodeB) - toB).as("served by node b").isEqualTo(4);
        assertThat(balancer.forwardedTo(nodeA)).isEqualTo(toA);
        assertThat(provider.count("authorize")).as("no new login").isEqualTo(logins);
        assertThat(refreshGrants() - grants).as("node b refreshed with the current refresh token").isEqualTo(4);
        assertThat(provider.loginsEndedByRefreshTokenReuse()).isZero();
    }
}
