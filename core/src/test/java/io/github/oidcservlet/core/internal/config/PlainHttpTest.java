package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.TestConfigs;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Item 11: plain http:// provider endpoints only on loopback or with allow-http; item 10: the body cap key. */
class PlainHttpTest {

    private static OidcConfigException problemsOf(String... keyValues) {
        try {
            TestConfigs.with(keyValues);
        } catch (OidcConfigException e) {
            return e;
        }
        throw new AssertionError("configuration was accepted");
    }

    @Test
    void refusesEveryConfiguredPlainHttpEndpointOffThisMachineAtOnceNamingEachKey() {
        OidcConfigException e = problemsOf("authorization-endpoint", "http://op.example.com/auth",
                "token-endpoint", "http://op.example.com/token", "jwks-uri", "http://op.example.com/jwks",
                "revocation-endpoint", "https://op.example.com/revoke");
        assertThat(e.problems()).filteredOn(p -> p.contains("allow-http"))
                .hasSize(3)
                .anyMatch(p -> p.contains("'authorization-endpoint'") && p.contains("http://op.example.com/auth"))
                .anyMatch(p -> p.contains("'token-endpoint'") && p.contains("RFC 6749 §3.1, §3.2"))
                .anyMatch(p -> p.contains("'jwks-uri'"));
    }

    @Test
    void refusesAPlainHttpIssuerUsedForDiscovery() {
        assertThat(problemsOf("issuer", "http://op.example.com").problems())
                .anyMatch(p -> p.contains("'issuer'") && p.contains("allow-http"));
        assertThat(problemsOf("issuer", "http://op.example.com", "discovery-uri",
                "http://10.0.0.1/.well-known/openid-configuration").problems())
                .anyMatch(p -> p.contains("'discovery-uri'") && p.contains("allow-http"));
    }

    @Test
    void acceptsLoopbackHosts() {
        for (String host : new String[] {"127.0.0.1:8080", "127.1.2.3", "localhost:9000", "LOCALHOST", "[::1]:8443"}) {
            assertThat(TestConfigs.with("issuer", "http://" + host + "/realms/demo").issuer()).startsWith("http://");
        }
    }

    @Test
    void doesNotTakeANameThatMerelyLooksLocalForLoopback() {
        for (String host : new String[] {"localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.1", "[::2]"}) {
            assertThatThrownBy(() -> TestConfigs.with("issuer", "http://" + host + "/x"))
                    .isInstanceOf(OidcConfigException.class).hasMessageContaining("allow-http");
        }
    }

    @Test
    void allowHttpAcceptsThemAll() {
        OidcConfig config = TestConfigs.with("issuer", "http://op.example.com", "token-endpoint",
                "http://op.example.com/token", "authorization-endpoint", "http://op.example.com/auth",
                "jwks-uri", "http://op.example.com/jwks", "allow-http", "true");
        assertThat(config.allowHttp()).isTrue();
        assertThat(TestConfigs.valid().allowHttp()).isFalse();
    }

    @Test
    void maxResponseSizeDefaultsToOneMebibyteAndIsValidatedNamingTheKey() {
        assertThat(TestConfigs.valid().maxResponseSize()).isEqualTo(1024 * 1024);
        assertThat(TestConfigs.with("max-response-size", "65536").maxResponseSize()).isEqualTo(65536);
        OidcConfigException e = problemsOf("max-response-size", "lots", "allow-http", "maybe");
        assertThat(e.problems())
                .anyMatch(p -> p.contains("'max-response-size'") && p.contains("whole number of bytes"))
                .anyMatch(p -> p.contains("'allow-http'"));
        assertThat(problemsOf("max-response-size", "10").problems())
                .anyMatch(p -> p.contains("'max-response-size'") && p.contains("at least 1024"));
    }

    @Test
    void theNewKeysAreKnownInitParams() {
        Map<String, String> params = TestConfigs.validParams();
        params.put("max-response-size", "2097152");
        params.put("allow-http", "false");
        assertThat(OidcConfig.fromInitParams(params).maxResponseSize()).isEqualTo(2097152);
    }
}
