package io.github.oidcservlet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CodeFlowTest {

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();
    private final RawHttp http = new RawHttp();

    @Test
    void codeWithTheRightVerifierBuysTokensOnceOnly() throws Exception {
        RawHttp.Pkce pkce = http.pkce();
        String code = http.authorize(provider.get(), pkce);

        HttpResponse<String> first = http.redeem(provider.get(), code, pkce.verifier());
        HttpResponse<String> second = http.redeem(provider.get(), code, pkce.verifier());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> tokens = http.json(first);
        assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token")
                .containsEntry("token_type", "Bearer").containsEntry("expires_in", 300)
                .containsEntry("scope", "openid profile email");
        Map<String, Object> claims = SignedJWT.parse((String) tokens.get("id_token")).getJWTClaimsSet().getClaims();
        assertThat(claims).containsEntry("iss", provider.get().issuer()).containsEntry("sub", "alice")
                .containsEntry("nonce", "nonce-1").containsEntry("groups", List.of("users"))
                .containsKeys("exp", "iat", "auth_time", "email", "name", "preferred_username")
                .doesNotContainKey("azp");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(http.json(second)).containsEntry("error", "invalid_grant");
    }

    @Test
    void wrongVerifierIsInvalidGrant() throws Exception {
        String code = http.authorize(provider.get(), http.pkce());

        HttpResponse<String> response = http.redeem(provider.get(), code, http.pkce().verifier());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.json(response)).containsEntry("error", "invalid_grant");
    }

    @Test
    void authorizeRedirectsWithCodeStateAndIssWhenAsked() throws Exception {
        provider.get().behaviour().issParameter(true);

        HttpResponse<String> response = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(),
                RawHttp.authorizationParams(http.pkce())));

        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> params = RawHttp.query(response.headers().firstValue("Location").orElseThrow());
        assertThat(params).containsKey("code").containsEntry("state", "state-1")
                .containsEntry("iss", provider.get().issuer());
        assertThat(provider.get().requests("authorize").get(0).query("nonce")).isEqualTo("nonce-1");
    }

    @Test
    void missingPkceIsAnErrorRedirectAndABadRedirectUriAPage() throws Exception {
        Map<String, String> params = RawHttp.authorizationParams(http.pkce());
        params.remove("code_challenge");
        HttpResponse<String> noPkce = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params));
        params.put("redirect_uri", "https://attacker.example/cb");
        HttpResponse<String> badRedirect = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params));

        assertThat(RawHttp.query(noPkce.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "invalid_request").containsEntry("state", "state-1");
        assertThat(badRedirect.statusCode()).isEqualTo(400);
    }

    @Test
    void withNonceAndPkceOptionalARequestWithoutEitherGetsACodeAndTokensWithoutNonce() throws Exception {
        provider.get().behaviour().nonceAndPkceOptional(true);
        Map<String, String> params = RawHttp.authorizationParams(http.pkce());
        params.remove("nonce");
        params.remove("code_challenge");
        params.remove("code_challenge_method");

        HttpResponse<String> response = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params));
        String code = RawHttp.query(response.headers().firstValue("Location").orElseThrow()).get("code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", RawHttp.REDIRECT_URI);
        HttpResponse<String> tokens = http.post(provider.get().tokenEndpoint(), form,
                "Authorization", RawHttp.basic("test-client", "test-secret"));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(code).isNotNull();
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse((String) http.json(tokens).get("id_token")).getJWTClaimsSet().getClaims())
                .doesNotContainKey("nonce");
        // a code_challenge that is sent is still checked
        params.put("code_challenge", "short");
        params.put("code_challenge_method", "S256");
        HttpResponse<String> badChallenge = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params));
        assertThat(RawHttp.query(badChallenge.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void userinfoAnswersTheAccessTokenAndRefusesOthers() throws Exception {
        RawHttp.Pkce pkce = http.pkce();
        provider.get().loginAs("admin");
        String accessToken = (String) http.json(http.redeem(provider.get(), http.authorize(provider.get(), pkce), pkce.verifier()))
                .get("access_token");

        HttpResponse<String> good = http.get(provider.get().userinfoEndpoint(), "Authorization", "Bearer " + accessToken);
        HttpResponse<String> bad = http.get(provider.get().userinfoEndpoint(), "Authorization", "Bearer nope");

        assertThat(http.json(good)).containsEntry("sub", "admin").containsEntry("groups", List.of("users", "admin"));
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @Test
    void rotatedRefreshTokenWorksOnce() throws Exception {
        provider.get().behaviour().rotateRefreshTokens(true);
        RawHttp.Pkce pkce = http.pkce();
        String refreshToken = (String) http.json(http.redeem(provider.get(), http.authorize(provider.get(), pkce), pkce.verifier()))
                .get("refresh_token");
        Map<String, String> form = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken);

        HttpResponse<String> first = http.post(provider.get().tokenEndpoint(), form, "Authorization",
                RawHttp.basic("test-client", "test-secret"));
        HttpResponse<String> again = http.post(provider.get().tokenEndpoint(), form, "Authorization",
                RawHttp.basic("test-client", "test-secret"));

        assertThat(first.statusCode()).isEqualTo(200);
        Map<String, Object> refreshed = http.json(first);
        assertThat(refreshed.get("refresh_token")).isNotNull().isNotEqualTo(refreshToken);
        assertThat(SignedJWT.parse((String) refreshed.get("id_token")).getJWTClaimsSet().getClaims())
                .doesNotContainKey("nonce");
        assertThat(http.json(again)).containsEntry("error", "invalid_grant");
    }

    @Test
    void aRotatedAwayRefreshTokenPresentedAgainEndsTheWholeLoginWithReuseDetection() throws Exception {
        provider.get().behaviour().rotateRefreshTokens(true).refreshTokenReuseDetection(true);
        RawHttp.Pkce pkce = http.pkce();
        String first = (String) http.json(http.redeem(provider.get(), http.authorize(provider.get(), pkce),
                pkce.verifier())).get("refresh_token");
        String basic = RawHttp.basic("test-client", "test-secret");
        Map<String, Object> rotated = http.json(http.post(provider.get().tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", first), "Authorization", basic));
        String second = (String) rotated.get("refresh_token");

        HttpResponse<String> replay = http.post(provider.get().tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", first), "Authorization", basic);
        HttpResponse<String> current = http.post(provider.get().tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", second), "Authorization", basic);

        assertThat(http.json(replay)).containsEntry("error", "invalid_grant");
        assertThat(http.json(current)).as("the active refresh token of that login is revoked too")
                .containsEntry("error", "invalid_grant");
        assertThat(http.get(provider.get().userinfoEndpoint(), "Authorization",
                "Bearer " + rotated.get("access_token")).statusCode()).as("and its access token").isEqualTo(401);
        assertThat(provider.get().loginsEndedByRefreshTokenReuse()).isEqualTo(1);
    }

    @Test
    void withoutReuseDetectionAReplayedRefreshTokenLeavesTheLoginAlone() throws Exception {
        provider.get().behaviour().rotateRefreshTokens(true);
        RawHttp.Pkce pkce = http.pkce();
        String first = (String) http.json(http.redeem(provider.get(), http.authorize(provider.get(), pkce),
                pkce.verifier())).get("refresh_token");
        String basic = RawHttp.basic("test-client", "test-secret");
        String second = (String) http.json(http.post(provider.get().tokenEndpoint(),
                Map.of("grant_type", "refresh_token", "refresh_token", first), "Authorization", basic))
                .get("refresh_token");

        http.post(provider.get().tokenEndpoint(), Map.of("grant_type", "refresh_token", "refresh_token", first),
                "Authorization", basic);

        assertThat(http.post(provider.get().tokenEndpoint(), Map.of("grant_type", "refresh_token", "refresh_token",
                second), "Authorization", basic).statusCode()).isEqualTo(200);
        assertThat(provider.get().loginsEndedByRefreshTokenReuse()).isZero();
    }

    @Test
    void interactiveLoginShowsAFormThatPostsBackAsTheTypedUser() throws Exception {
        provider.get().behaviour().interactiveLogin(true);
        Map<String, String> params = RawHttp.authorizationParams(http.pkce());

        HttpResponse<String> page = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(), params));
        Map<String, String> submitted = new LinkedHashMap<>(params);
        submitted.put("username", "admin");
        HttpResponse<String> afterLogin = http.post(provider.get().authorizationEndpoint(), submitted);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"username\"", "id=\"submit\"", "method=\"post\"",
                "name=\"nonce\" value=\"nonce-1\"");
        assertThat(afterLogin.statusCode()).isEqualTo(302);
        assertThat(RawHttp.query(afterLogin.headers().firstValue("Location").orElseThrow()))
                .containsKey("code").containsEntry("state", "state-1");
    }

    @Test
    void authorizationErrorKnobRedirectsWithTheError() throws Exception {
        provider.get().behaviour().authorizationError("access_denied", "the user said no");

        HttpResponse<String> response = http.get(RawHttp.withQuery(provider.get().authorizationEndpoint(),
                RawHttp.authorizationParams(http.pkce())));

        assertThat(RawHttp.query(response.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "access_denied").containsEntry("error_description", "the user said no")
                .containsEntry("state", "state-1").doesNotContainKey("code");
    }
}
