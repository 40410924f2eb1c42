package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The provider's PAR endpoint (RFC 9126 §2) and the {@code request_uri} at its authorization endpoint (§4). */
class PushedRequestTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();
    private final RawHttp http = new RawHttp();

    private HttpResponse<String> push(Map<String, String> params, String clientId, String secret) throws Exception {
        return http.post(provider.get().parEndpoint(), params, "Authorization", RawHttp.basic(clientId, secret));
    }

    private String requestUri(RawHttp.Pkce pkce) throws Exception {
        HttpResponse<String> pushed = push(RawHttp.authorizationParams(pkce), TestProvider.DEFAULT_CLIENT_ID,
                TestProvider.DEFAULT_CLIENT_SECRET);
        assertThat(pushed.statusCode()).isEqualTo(201);
        return (String) http.json(pushed).get("request_uri");
    }

    private HttpResponse<String> authorize(String clientId, String requestUri) throws Exception {
        return http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(),
                Map.of("client_id", clientId, "request_uri", requestUri)));
    }

    @Test
    void discoveryAdvertisesTheEndpointAndSaysWhenParIsRequired() throws Exception {
        Map<String, Object> doc = http.json(http.get(provider.get().discoveryUri()));
        assertThat(doc).containsEntry("pushed_authorization_request_endpoint", provider.get().parEndpoint().toString())
                .doesNotContainKey("require_pushed_authorization_requests");

        provider.get().behaviour().requirePar(true);
        assertThat(http.json(http.get(provider.get().discoveryUri())))
                .containsEntry("require_pushed_authorization_requests", true);
        provider.get().behaviour().advertisePar(false);
        assertThat(http.json(http.get(provider.get().discoveryUri())))
                .doesNotContainKey("pushed_authorization_request_endpoint");
    }

    @Test
    void aPushedRequestIsAnsweredWithARequestUriThatBuysACodeOnceOnly() throws Exception {
        RawHttp.Pkce pkce = http.pkce();
        HttpResponse<String> pushed = push(RawHttp.authorizationParams(pkce), TestProvider.DEFAULT_CLIENT_ID,
                TestProvider.DEFAULT_CLIENT_SECRET);
        assertThat(pushed.statusCode()).isEqualTo(201);
        assertThat(pushed.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> body = http.json(pushed);
        assertThat(body).containsEntry("expires_in", 60);
        String requestUri = (String) body.get("request_uri");
        assertThat(requestUri).startsWith("urn:ietf:params:oauth:request_uri:");

        HttpResponse<String> first = authorize(TestProvider.DEFAULT_CLIENT_ID, requestUri);
        HttpResponse<String> again = authorize(TestProvider.DEFAULT_CLIENT_ID, requestUri);

        assertThat(first.statusCode()).isEqualTo(302);
        Map<String, String> callback = RawHttp.query(first.headers().firstValue("Location").orElseThrow());
        assertThat(callback).containsEntry("state", "state-1").containsKey("code");
        assertThat(http.redeem(provider.get(), callback.get("code"), pkce.verifier()).statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("unknown, expired or already used");
    }

    @Test
    void aRequestUriIsBoundToTheClientThatPushedIt() throws Exception {
        provider.get().client("other-client", "other-secret");
        String requestUri = requestUri(http.pkce());

        HttpResponse<String> stolen = authorize("other-client", requestUri);

        assertThat(stolen.statusCode()).isEqualTo(400);
        assertThat(stolen.body()).contains("pushed by another client");
        assertThat(authorize(TestProvider.DEFAULT_CLIENT_ID, requestUri).statusCode()).as("not used up by the thief")
                .isEqualTo(302);
    }

    @Test
    void anExpiredRequestUriIsRefused() throws Exception {
        provider.get().behaviour().parLifetime(Duration.ZERO);
        String requestUri = requestUri(http.pkce());

        assertThat(authorize(TestProvider.DEFAULT_CLIENT_ID, requestUri).statusCode()).isEqualTo(400);
    }

    @Test
    void thePushIsCheckedLikeATokenRequestAndLikeAnAuthorizationRequest() throws Exception {
        Map<String, String> params = RawHttp.authorizationParams(http.pkce());
        assertThat(http.json(push(params, TestProvider.DEFAULT_CLIENT_ID, "wrong")))
                .containsEntry("error", "invalid_client");
        params.put("request_uri", "urn:x");
        assertThat(http.json(push(params, TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET)))
                .containsEntry("error", "invalid_request");
        params.remove("request_uri");
        params.remove("nonce");
        assertThat(http.json(push(params, TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET)))
                .containsEntry("error", "invalid_request").containsEntry("error_description", "nonce is required");
        assertThat(provider.get().count("par")).isEqualTo(3);
    }

    @Test
    void whenParIsRequiredAPlainAuthorizationRequestIsRefused() throws Exception {
        provider.get().behaviour().requirePar(true);

        HttpResponse<String> plain = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(),
                RawHttp.authorizationParams(http.pkce())));

        assertThat(RawHttp.query(plain.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "invalid_request").containsEntry("state", "state-1");
        assertThat(authorize(TestProvider.DEFAULT_CLIENT_ID, requestUri(http.pkce())).statusCode()).isEqualTo(302);
    }

    @Test
    void theErrorKnobAnswersEveryPush() throws Exception {
        provider.get().behaviour().parError(401, "invalid_client", "go away");

        HttpResponse<String> refused = push(RawHttp.authorizationParams(http.pkce()), TestProvider.DEFAULT_CLIENT_ID,
                TestProvider.DEFAULT_CLIENT_SECRET);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(http.json(refused)).containsEntry("error", "invalid_client")
                .containsEntry("error_description", "go away");
    }
}
