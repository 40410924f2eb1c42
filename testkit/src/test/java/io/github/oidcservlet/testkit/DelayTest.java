package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DelayTest {

    private final RawHttp http = new RawHttp();

    @Test
    void tokenEndpointDelayDelays() throws Exception {
        try (TestProvider provider = TestProvider.start()) {
            provider.behaviour().tokenEndpointDelay(Duration.ofMillis(700));
            RawHttp.Pkce pkce = http.pkce();
            String code = http.authorize(provider, pkce);

            long start = System.nanoTime();
            HttpResponse<String> response = http.redeem(provider, code, pkce.verifier());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        }
    }

    @Test
    void answerDelayDelaysEveryEndpoint() throws Exception {
        try (TestProvider provider = TestProvider.start()) {
            provider.behaviour().answerDelay(Duration.ofMillis(400));
            RawHttp.Pkce pkce = http.pkce();

            long start = System.nanoTime();
            HttpResponse<String> discovery = http.get(provider.discoveryUri());
            HttpResponse<String> jwks = http.get(provider.jwksUri());
            String code = http.authorize(provider, pkce);
            HttpResponse<String> tokens = http.redeem(provider, code, pkce.verifier());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(tokens.statusCode()).isEqualTo(200);
            // four answers (discovery, jwks, authorize, token), each held for the delay
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(4 * 400));
        }
    }

    @Test
    void closeDoesNotWaitForAHangingRequest() throws Exception {
        TestProvider provider = TestProvider.start();
        provider.behaviour().tokenEndpointDelay(Duration.ofMinutes(10));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> hanging = client.sendAsync(
                HttpRequest.newBuilder(provider.tokenEndpoint()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        while (provider.count("token") == 0) {
            Thread.sleep(10);
        }

        long start = System.nanoTime();
        provider.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(hanging.handle((response, failure) -> response == null ? -1 : response.statusCode()).get())
                .isIn(503, -1);
    }
}
