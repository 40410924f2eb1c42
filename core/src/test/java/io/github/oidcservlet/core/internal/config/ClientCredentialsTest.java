package io.github.oidcservlet.core.internal.config;

import io.github.oidcservlet.core.ConfigSource;
import io.github.oidcservlet.core.OidcConfig;
import io.github.oidcservlet.core.OidcConfigException;
import io.github.oidcservlet.core.TestConfigs;
import io.github.oidcservlet.testkit.PemFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up rules for client-auth-method, client-secret, client-private-key and client-assertion-audience. */
class ClientCredentialsTest {

    @TempDir
    Path dir;

    private static OidcConfig config(String... keyValues) {
        return TestConfigs.with(keyValues);
    }

    @Test
    void clientSecretJwtNeedsASecretOfAtLeast32Bytes() {
        assertThatThrownBy(() -> config("client-auth-method", "client_secret_jwt",
                "client-secret", "0123456789abcdef0123456789abcde"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("'client-secret' is 31 bytes, too short for client-auth-method client_secret_jwt")
                .hasMessageNotContaining("0123456789abcdef");
        assertThat(config("client-auth-method", "client_secret_jwt",
                "client-secret", "0123456789abcdef0123456789abcdef").clientAuthMethod())
                .isEqualTo(ClientAuthMethod.CLIENT_SECRET_JWT);
    }

    @Test
    void clientSecretJwtWithoutASecretNamesTheKey() {
        assertThatThrownBy(() -> config("client-auth-method", "client_secret_jwt", "client-secret", null))
                .hasMessageContaining("'client-secret' is required by client-auth-method client_secret_jwt");
    }

    @Test
    void privateKeyJwtReadsRsaAndEcP256KeysAndPicksTheAlgorithm() {
        Path rsa = PemFiles.writePkcs8(PemFiles.rsaKeyPair().getPrivate(), dir);
        Path ec = PemFiles.writePkcs8(PemFiles.ecKeyPair("secp256r1").getPrivate(), dir);
        OidcConfig withRsa = config("client-secret", null, "client-private-key", rsa.toString());
        assertThat(withRsa.clientAuthMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(withRsa.clientSigningAlgorithm()).contains("RS256");
        assertThat(config("client-secret", null, "client-auth-method", "private_key_jwt",
                "client-private-key", ec.toString()).clientSigningAlgorithm()).contains("ES256");
    }

    @Test
    void privateKeyJwtWithoutAKeyNamesTheKey() {
        assertThatThrownBy(() -> config("client-auth-method", "private_key_jwt"))
                .hasMessageContaining("'client-private-key' is required by client-auth-method private_key_jwt");
    }

    @Test
    void anUnreadableOrInvalidPemFailsNamingTheKey() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> config("client-secret", null, "client-private-key", missing.toString()))
                .hasMessageContaining("'client-private-key' names a file that cannot be read: " + missing);
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> config("client-secret", null, "client-private-key", pkcs1.toString()))
                .hasMessageContaining("'client-private-key' names " + pkcs1 + ", which holds no unencrypted PKCS#8")
                .hasMessageContaining("openssl pkcs8 -topk8");
        Path garbage = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> config("client-secret", null, "client-private-key", garbage.toString()))
                .hasMessageContaining("'client-private-key' names " + garbage + ", which holds no RSA or EC private key");
    }

    @Test
    void anEcKeyOnAnotherCurveIsRefused() {
        Path p384 = PemFiles.writePkcs8(PemFiles.ecKeyPair("secp384r1").getPrivate(), dir);
        assertThatThrownBy(() -> config("client-secret", null, "client-private-key", p384.toString()))
                .hasMessageContaining("an EC key on a curve other than P-256");
    }

    @Test
    void aKeyOrAudienceThatTheMethodWouldIgnoreIsAProblem() {
        Path rsa = PemFiles.writePkcs8(PemFiles.rsaKeyPair().getPrivate(), dir);
        assertThatThrownBy(() -> config("client-private-key", rsa.toString()))
                .hasMessageContaining("'client-private-key' is set, but client-auth-method is client_secret_basic");
        assertThatThrownBy(() -> config("client-assertion-audience", "op.example.com"))
                .hasMessageContaining("'client-assertion-audience' is only used by client_secret_jwt and private_key_jwt");
    }

    @Test
    void theConfigurationNeverShowsTheKey() {
        Path rsa = PemFiles.writePkcs8(PemFiles.rsaKeyPair().getPrivate(), dir);
        OidcConfig config = OidcConfig.from(ConfigSource.initParams(Map.of("issuer", TestConfigs.ISSUER,
                "client-id", "c", "client-private-key", rsa.toString())));
        assertThat(config.toString()).doesNotContain("PRIVATE").doesNotContain("RSAPrivateCrtKey");
    }
}
