package io.github.oidcservlet.core.internal.token;

import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.core.ProviderLogins;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.internal.provider.OidcProvider;
import io.github.oidcservlet.core.internal.provider.ProviderHttp;
import io.github.oidcservlet.core.ProviderProtocolException;
import io.github.oidcservlet.testkit.PemFiles;
import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProviderExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JWT client assertions against the in-process provider, code and refresh grants alike (RFC 7523 §3). */
class ClientAuthenticationIT {

    private static final String SECRET = "a-client-secret-of-at-least-32-bytes!!";
    private static final String REDIRECT = ProviderLogins.REDIRECT;
    private static final String VERIFIER = ProviderLogins.VERIFIER;

    @RegisterExtension
    static final TestProviderExtension provider = TestProviderExtension.create();

    @TempDir
    Path dir;

    private static TokenClient tokenClient(OidcConfig config) {
        OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
        return new TokenClient(config, op, ClientAuthentications.from(config));
    }

    /** An authorization code for {@code clientId}, straight from the provider's authorization endpoint. */
    private static String code(String clientId, String scope) {
        return ProviderLogins.code(provider.get(), clientId, scope);
    }

    private static List<String> assertionJtis() {
        return provider.get().requests("token").stream().map(RecordedRequest::formParams)
                .map(ClientAuthenticationIT::jti).toList();
    }

    private static String jti(Map<String, List<String>> form) {
        try {
            return SignedJWT.parse(form.get("client_assertion").get(0)).getJWTClaimsSet().getJWTID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void clientSecretJwtRedeemsTheCodeAndEveryRefreshWithAFreshAssertion() throws Exception {
        provider.get().client("jwt-app", SECRET);
        provider.get().behaviour().allowedClientAuthMethods(Set.of("client_secret_jwt"));
        TokenClient client = tokenClient(TestConfigs.with("issuer", provider.get().issuer(), "client-id", "jwt-app",
                "client-secret", SECRET, "client-auth-method", "client_secret_jwt"));
        TokenResponse tokens = client.redeemCode(code("jwt-app", "openid"), REDIRECT, VERIFIER);
        TokenResponse refreshed = client.refresh(tokens.refreshToken());
        client.refresh(refreshed.refreshToken());
        assertThat(provider.get().requests("token")).hasSize(3);
        assertThat(Set.copyOf(assertionJtis())).hasSize(3);
    }

    @Test
    void privateKeyJwtRedeemsTheCodeAndRefreshesWithAnRsaKey() throws Exception {
        KeyPair pair = PemFiles.rsaKeyPair();
        provider.get().clientWithKey("key-app", pair.getPublic());
        provider.get().behaviour().allowedClientAuthMethods(Set.of("private_key_jwt"));
        TokenClient client = tokenClient(TestConfigs.with("issuer", provider.get().issuer(), "client-id", "key-app",
                "client-secret", null, "client-private-key", PemFiles.writePkcs8(pair.getPrivate(), dir).toString()));
        TokenResponse tokens = client.redeemCode(code("key-app", "openid"), REDIRECT, VERIFIER);
        client.refresh(tokens.refreshToken());
        assertThat(Set.copyOf(assertionJtis())).hasSize(2);
    }

    @Test
    void theProviderRefusesAReplayedAssertion() throws Exception {
        provider.get().client("jwt-app", SECRET);
        TokenClient client = tokenClient(TestConfigs.with("issuer", provider.get().issuer(), "client-id", "jwt-app",
                "client-secret", SECRET, "client-auth-method", "client_secret_jwt"));
        TokenResponse tokens = client.redeemCode(code("jwt-app", "openid"), REDIRECT, VERIFIER);
        Map<String, String> replay = new LinkedHashMap<>();
        provider.get().requests("token").get(0).formParams().forEach((k, v) -> replay.put(k, v.get(0)));
        replay.put("grant_type", "refresh_token");
        replay.remove("code");
        replay.put("refresh_token", tokens.refreshToken());
        var answer = new TestBrowser().post(provider.get().tokenEndpoint().toString(), replay);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_client").contains("jti was already used");
    }

    @Test
    void theProviderRefusesAnAssertionForAnotherAudience() throws Exception {
        provider.get().client("jwt-app", SECRET);
        TokenClient client = tokenClient(TestConfigs.with("issuer", provider.get().issuer(), "client-id", "jwt-app",
                "client-secret", SECRET, "client-auth-method", "client_secret_jwt",
                "client-assertion-audience", "https://elsewhere.example.com"));
        String code = code("jwt-app", "openid");
        assertThatThrownBy(() -> client.redeemCode(code, REDIRECT, VERIFIER))
                .isInstanceOf(TokenEndpointException.class).hasMessageContaining("invalid_client");
    }

    @Test
    void discoveryThatDoesNotListTheMethodFailsNamingTheKeyAndBothLists() {
        provider.get().behaviour().allowedClientAuthMethods(Set.of("client_secret_basic", "private_key_jwt"));
        OidcConfig config = TestConfigs.with("issuer", provider.get().issuer(), "client-auth-method", "client_secret_post");
        OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
        assertThatThrownBy(op::metadata).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("client-auth-method is 'client_secret_post'")
                .hasMessageContaining("token_endpoint_auth_methods_supported [client_secret_basic, private_key_jwt]");
    }

    @Test
    void aPublicClientMissingFromTheListIsOnlyWarnedAbout() {
        provider.get().behaviour().allowedClientAuthMethods(Set.of("client_secret_basic"));
        OidcConfig config = TestConfigs.with("issuer", provider.get().issuer(), "client-secret", null);
        OidcProvider op = new OidcProvider(config, new ProviderHttp(config.connectTimeout(), config.readTimeout()));
        assertThat(op.metadata().tokenEndpointAuthMethods()).containsExactly("client_secret_basic");
    }
}
