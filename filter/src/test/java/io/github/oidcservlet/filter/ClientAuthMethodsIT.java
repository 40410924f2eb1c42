package io.github.oidcservlet.filter;

import com.nimbusds.jwt.SignedJWT;
import io.github.oidcservlet.testkit.PemFiles;
import io.github.oidcservlet.testkit.RecordedRequest;
import io.github.oidcservlet.testkit.TestBrowser;
import io.github.oidcservlet.testkit.TestProvider;
import io.github.oidcservlet.testkit.TestProviderExtension;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Set;

import static io.github.oidcservlet.filter.FilterConfigurationIT.filterConfig;
import static io.github.oidcservlet.filter.LoginFlowIT.navigate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every client authentication method of OIDC Core §9 logs a user in through the filter, against a provider that
 * accepts that method only.
 */
class ClientAuthMethodsIT {

    private static final String LONG_SECRET = "a-client-secret-of-at-least-32-bytes!!";

    @RegisterExtension
    static final TestProviderExtension providers = TestProviderExtension.create();
    static TestProvider provider;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        provider = providers.get();
    }

    /** Logs in with the given params against a provider that accepts only {@code method}. */
    private static RecordedRequest logsInWith(String method, Map<String, String> params) {
        provider.behaviour().allowedClientAuthMethods(Set.of(method));
        try (TestApp app = TestApp.start(params)) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).body()).contains("user=alice");
        }
        assertThat(provider.requests("token")).hasSize(1);
        return provider.requests("token").get(0);
    }

    private static Map<String, String> paramsFor(String clientId, String method) {
        Map<String, String> params = TestApp.paramsFor(provider);
        params.put("client-id", clientId);
        params.put("client-auth-method", method);
        return params;
    }

    @Test
    void clientSecretBasicEncodesIdAndSecretBeforeBase64() {
        provider.client("app:1", "s3cret/+ %");
        Map<String, String> params = paramsFor("app:1", "client_secret_basic");
        params.put("client-secret", "s3cret/+ %");
        RecordedRequest token = logsInWith("client_secret_basic", params);
        // RFC 6749 §2.3.1: form-urlencoded, then Base64.
        assertThat(token.header("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("app%3A1:s3cret%2F%2B+%25".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(token.form("client_secret")).isNull();
    }

    @Test
    void clientSecretPostSendsIdAndSecretInTheBody() {
        RecordedRequest token = logsInWith("client_secret_post", paramsFor(TestProvider.DEFAULT_CLIENT_ID, "client_secret_post"));
        assertThat(token.form("client_secret")).isEqualTo(TestProvider.DEFAULT_CLIENT_SECRET);
        assertThat(token.header("Authorization")).isNull();
    }

    @Test
    void clientSecretJwtSendsAnHs256AssertionForTheTokenEndpoint() throws Exception {
        provider.client("jwt-app", LONG_SECRET);
        Map<String, String> params = paramsFor("jwt-app", "client_secret_jwt");
        params.put("client-secret", LONG_SECRET);
        RecordedRequest token = logsInWith("client_secret_jwt", params);
        SignedJWT assertion = SignedJWT.parse(token.form("client_assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(provider.tokenEndpoint().toString());
        assertThat(token.form("client_secret")).isNull();
        assertThat(token.header("Authorization")).isNull();
    }

    @Test
    void privateKeyJwtSignsWithAnRsaKeyFromAPemFile() throws Exception {
        KeyPair pair = PemFiles.rsaKeyPair();
        provider.clientWithKey("rsa-app", pair.getPublic());
        Map<String, String> params = paramsFor("rsa-app", "private_key_jwt");
        params.remove("client-secret");
        params.put("client-private-key", PemFiles.writePkcs8(pair.getPrivate(), dir).toString());
        RecordedRequest token = logsInWith("private_key_jwt", params);
        assertThat(SignedJWT.parse(token.form("client_assertion")).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    }

    @Test
    void privateKeyJwtSignsWithAnEcP256KeyAndTheConfiguredAudience() throws Exception {
        KeyPair pair = PemFiles.ecKeyPair("secp256r1");
        provider.clientWithKey("ec-app", pair.getPublic());
        provider.behaviour().clientAssertionAudiences(Set.of("127.0.0.1"));
        Map<String, String> params = paramsFor("ec-app", "private_key_jwt");
        params.remove("client-secret");
        params.put("client-private-key", PemFiles.writePkcs8(pair.getPrivate(), dir).toString());
        params.put("client-assertion-audience", "127.0.0.1");
        RecordedRequest token = logsInWith("private_key_jwt", params);
        SignedJWT assertion = SignedJWT.parse(token.form("client_assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly("127.0.0.1");
    }

    @Test
    void noneSendsOnlyTheClientIdAndThePkceVerifier() {
        provider.client("public-app", null);
        Map<String, String> params = paramsFor("public-app", "none");
        params.remove("client-secret");
        RecordedRequest token = logsInWith("none", params);
        assertThat(token.form("client_id")).isEqualTo("public-app");
        assertThat(token.form("code_verifier")).hasSize(43);
        assertThat(token.form("client_assertion")).isNull();
        assertThat(token.header("Authorization")).isNull();
    }

    @Test
    void aMethodTheProviderRefusesFailsTheLogin() {
        provider.client("jwt-app", LONG_SECRET);
        provider.behaviour().allowedClientAuthMethods(Set.of("private_key_jwt"));
        // Manual endpoints: no discovery document warns us first, so the provider's refusal shows.
        Map<String, String> params = paramsFor("jwt-app", "client_secret_jwt");
        params.put("client-secret", LONG_SECRET);
        params.put("authorization-endpoint", provider.authorizationEndpoint().toString());
        params.put("token-endpoint", provider.tokenEndpoint().toString());
        params.put("jwks-uri", provider.jwksUri().toString());
        try (TestApp app = TestApp.start(params)) {
            assertThat(navigate(new TestBrowser(), app.url("/profile")).statusCode()).isEqualTo(502);
        }
    }

    @Test
    void startUpFailsWhenDiscoveryDoesNotListTheConfiguredMethod() {
        provider.behaviour().allowedClientAuthMethods(Set.of("client_secret_basic", "client_secret_post"));
        Map<String, String> params = paramsFor(TestProvider.DEFAULT_CLIENT_ID, "client_secret_jwt");
        params.put("client-secret", LONG_SECRET);
        assertThatThrownBy(() -> new OidcFilter().init(filterConfig(params)))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("client-auth-method is 'client_secret_jwt'")
                .hasMessageContaining("[client_secret_basic, client_secret_post]");
    }
}
