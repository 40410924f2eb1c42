package io.github.oidcservlet.filter;

import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mix-up attacks (RFC 9700 §4.4) with two providers in one application, one of them controlled by the attacker:
 * it tries to obtain the honest provider's authorization code, and to inject its own code into a login started
 * with the honest provider. Each attempt ends in a 400, no login, and no code at a token endpoint it was not
 * issued for. The defences: each registration's own redirect URI with {@code state} bound to the registration
 * (RFC 9700 §4.4.2), and RFC 9207 {@code iss} compared with the registration's issuer.
 */
class MixUpIT {

    @RegisterExtension
    static final TestProviderExtension honestProvider = TestProviderExtension.create();
    @RegisterExtension
    static final TestProviderExtension attackerProvider = TestProviderExtension.create();
    static TestProvider honest;
    static TestProvider attacker;
    static TestApp app;

    TestBrowser victim;

    @BeforeAll
    static void start() {
        honest = honestProvider.get();
        attacker = attackerProvider.get();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("providers", "honest,attacker");
        params.put("public-paths", "/,/public/*");
        for (Map.Entry<String, TestProvider> named : Map.of("honest", honest, "attacker", attacker).entrySet()) {
            params.put(named.getKey() + ".issuer", named.getValue().issuer());
            params.put(named.getKey() + ".client-id", TestProvider.DEFAULT_CLIENT_ID);
            params.put(named.getKey() + ".client-secret", TestProvider.DEFAULT_CLIENT_SECRET);
        }
        app = TestApp.start(params);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void victimAndRegisteredRedirectUris() {
        victim = new TestBrowser();
        // The honest provider matches redirect URIs exactly, as RFC 9700 §2.1 requires; the attacker accepts any.
        honest.client(TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET, app.url("/oidc/callback/honest"));
        attacker.loginAs("mallory");
    }

    /** The victim's browser starts a login with a registration; its authorization request's parameters. */
    private Map<String, String> startLogin(String registration) {
        HttpResponse<String> toProvider = victim.get(app.url("/oidc/login?provider=" + registration));
        assertThat(toProvider.statusCode()).isEqualTo(302);
        return LoginFlowIT.query(location(toProvider));
    }

    /** An authorization request to {@code provider} made of a victim's request, with another redirect URI. */
    private static String authorizationRequest(TestProvider provider, Map<String, String> stolen, String redirectPath) {
        return provider.authorizationEndpoint() + "?response_type=code&client_id=" + TestProvider.DEFAULT_CLIENT_ID
                + "&scope=openid&redirect_uri=" + encode(app.url(redirectPath)) + "&state=" + encode(stolen.get("state"))
                + "&nonce=" + encode(stolen.get("nonce")) + "&code_challenge=" + stolen.get("code_challenge")
                + "&code_challenge_method=S256";
    }

    private void assertRefusedWithoutLoginOrTokenCall(HttpResponse<String> callback) {
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.headers().firstValue("Location")).isEmpty();
        assertThat(victim.get(app.url("/api/ping"), "Accept", "application/json").statusCode()).isEqualTo(401);
        assertThat(honest.count("token")).as("the honest token endpoint").isZero();
        assertThat(attacker.count("token")).as("the attacker's token endpoint").isZero();
    }

    @Test
    void theHonestProvidersCodeForALoginStartedWithTheAttackerIsRefusedAtTheHonestRedirectUri() {
        // The victim picks the attacker's provider; the attacker forwards the request to the honest provider,
        // which sends its code to the honest registration's redirect URI (the only one it knows) with the state of
        // the attacker's login.
        Map<String, String> toAttacker = startLogin("attacker");
        HttpResponse<String> honestAnswer = victim.get(authorizationRequest(honest, toAttacker, "/oidc/callback/honest"));
        URI callback = location(honestAnswer);
        assertThat(callback.getPath()).isEqualTo(TestApp.CONTEXT + "/oidc/callback/honest");
        assertThat(LoginFlowIT.query(callback)).containsKey("code");

        HttpResponse<String> answer = victim.get(callback.toString());

        assertRefusedWithoutLoginOrTokenCall(answer);
        assertThat(answer.body()).contains("another identity provider than the one the login was started with");
    }

    @Test
    void theHonestCodeDeliveredToTheAttackersRedirectUriIsRefusedByTheIssuerOfTheResponse() {
        // An honest provider that matched redirect URIs loosely would send its code to the attacker registration's
        // redirect URI; its RFC 9207 iss names it, not the attacker, and the code never reaches the attacker.
        honest.client(TestProvider.DEFAULT_CLIENT_ID, TestProvider.DEFAULT_CLIENT_SECRET);
        honest.behaviour().issParameter(true);
        Map<String, String> toAttacker = startLogin("attacker");
        URI callback = location(victim.get(authorizationRequest(honest, toAttacker, "/oidc/callback/attacker")));
        assertThat(callback.getPath()).isEqualTo(TestApp.CONTEXT + "/oidc/callback/attacker");

        HttpResponse<String> answer = victim.get(callback.toString());

        assertRefusedWithoutLoginOrTokenCall(answer);
        assertThat(answer.body()).contains("came from an unexpected identity provider");
    }

    @Test
    void theAttackersCodeInjectedIntoALoginStartedWithTheHonestProviderIsRefused() {
        // The victim logs in with the honest provider; the attacker, having seen that request, has its own
        // provider issue a code for it (same state, nonce and PKCE challenge) to its registration's redirect URI.
        Map<String, String> toHonest = startLogin("honest");
        URI callback = location(victim.get(authorizationRequest(attacker, toHonest, "/oidc/callback/attacker")));
        assertThat(LoginFlowIT.query(callback)).containsEntry("state", toHonest.get("state")).containsKey("code");

        HttpResponse<String> answer = victim.get(callback.toString());

        assertRefusedWithoutLoginOrTokenCall(answer);
        assertThat(answer.body()).doesNotContain("mallory");
    }

    @Test
    void theAttackersCodeAtTheHonestRedirectUriIsRefusedByItsIssuer() {
        // RFC 9207: the attacker's provider names itself in iss; the honest registration expects its own issuer.
        attacker.behaviour().issParameter(true);
        Map<String, String> toHonest = startLogin("honest");
        URI attackerAnswer = location(victim.get(authorizationRequest(attacker, toHonest, "/oidc/callback/attacker")));
        String injected = app.url("/oidc/callback/honest") + "?" + attackerAnswer.getRawQuery();
        assertThat(LoginFlowIT.query(attackerAnswer)).containsEntry("iss", attacker.issuer());

        HttpResponse<String> answer = victim.get(injected);

        assertRefusedWithoutLoginOrTokenCall(answer);
        assertThat(answer.body()).contains("came from an unexpected identity provider");
    }

    private static URI location(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
