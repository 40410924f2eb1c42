package io.github.oidcservlet.filter;

import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.testkit.PemFiles;
import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import io.github.oidcservlet.testkit.TestProviderOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LoginID (seed 003): issuer ending in {@code /oidc} with discovery below it; public clients with PKCE S256;
 * confidential clients whose credential is a self-signed ES256 JWT with the issuer's HOST NAME as {@code aud};
 * a refresh token only with {@code offline_access}; error redirects with {@code error}/{@code error_description}.
 */
class LoginIdProviderIT {

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create(TestProviderOptions.defaults().withIssuerPath("/oidc"));
    static TestProvider provider;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        provider = providers.get();
    }

    @BeforeEach
    void reset() {
        provider.behaviour().refreshTokenScope("offline_access")
                .allowedClientAuthMethods(Set.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"))
                .clientAssertionAudiences(Set.of(provider.baseUri().getHost()));
    }

    private static Map<String, String> params(String clientId, String scopes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("issuer", provider.issuer());
        params.put("client-id", clientId);
        params.put("scopes", scopes);
        params.put("public-paths", "/,/public/*");
        return params;
    }

    @Test
    void aPublicClientLogsInWithPkceAndGetsARefreshTokenWithOfflineAccess() {
        provider.client("public-app", null);
        assertThat(provider.issuer()).endsWith("/oidc");
        try (TestApp app = TestApp.start(params("public-app", "openid offline_access"))) {
            assertThat(SeedProviders.logIn(app)).containsEntry("user", "alice").containsEntry("refreshToken", "present");
        }
        assertThat(provider.requests("discovery").get(0).path()).isEqualTo("/oidc/.well-known/openid-configuration");
        RecordedRequest authorize = provider.requests("authorize").get(0);
        assertThat(authorize.param("code_challenge_method")).isEqualTo("S256");
        RecordedRequest token = provider.requests("token").get(0);
        assertThat(token.form("client_id")).isEqualTo("public-app");
        assertThat(token.form("code_verifier")).isNotNull();
        assertThat(token.header("Authorization")).isNull();
    }

    @Test
    void withoutOfflineAccessNoRefreshTokenIsIssued() {
        provider.client("public-app", null);
        try (TestApp app = TestApp.start(params("public-app", "openid email"))) {
            assertThat(SeedProviders.logIn(app)).containsEntry("user", "alice").containsEntry("refreshToken", "none");
        }
    }

    @Test
    void aConfidentialClientSendsAnEs256AssertionForTheIssuersHostName() throws Exception {
        KeyPair pair = PemFiles.ecKeyPair("secp256r1");
        provider.clientWithKey("AcdrRdnMcfvnQu1YZWuw9Q", pair.getPublic());
        Map<String, String> params = params("AcdrRdnMcfvnQu1YZWuw9Q", "openid offline_access");
        params.put("client-auth-method", "private_key_jwt");
        params.put("client-private-key", PemFiles.writePkcs8(pair.getPrivate(), dir).toString());
        params.put("client-assertion-audience", provider.baseUri().getHost());
        try (TestApp app = TestApp.start(params)) {
            assertThat(SeedProviders.logIn(app)).containsEntry("user", "alice").containsEntry("refreshToken", "present");
        }
        SignedJWT assertion = SignedJWT.parse(provider.requests("token").get(0).form("client_assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("127.0.0.1");
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("AcdrRdnMcfvnQu1YZWuw9Q");
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("AcdrRdnMcfvnQu1YZWuw9Q");
    }

    @Test
    void anErrorRedirectWithoutStateShowsTheProvidersWords() {
        provider.client("public-app", null);
        provider.behaviour().authorizationError("access_denied", "The user cancelled the passkey prompt", false);
        try (TestApp app = TestApp.start(params("public-app", "openid"))) {
            HttpResponse<String> page = navigate(new TestBrowser(), app.url("/profile"));
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("access_denied").contains("The user cancelled the passkey prompt");
        }
    }

    @Test
    void aPublicClientRefreshesWithOfflineAccessAndPkceAlone() {
        provider.client("public-app", null);
        provider.behaviour().expiresIn(20L);
        try (TestApp app = TestApp.start(params("public-app", "openid offline_access"))) {
            assertThat(SeedProviders.logInAndRefresh(app, provider, 1)).hasSize(2).allSatisfy(grant -> {
                assertThat(grant.form("client_id")).isEqualTo("public-app");
                assertThat(grant.header("Authorization")).isNull();
            });
        }
    }
}
