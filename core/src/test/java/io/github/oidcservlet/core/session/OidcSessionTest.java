package io.github.oidcservlet.core.session;

import com.nimbusds.jose.util.Base64URL;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OidcSessionTest {

    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9."
            + Base64URL.encode("{\"sub\":\"u1\",\"email\":\"a@example.test\",\"exp\":1700000000}") + ".c2ln";

    private static OidcSession session(String userinfo) {
        return new OidcSession("u1", "alice", Set.of("admin"), ID_TOKEN, "access-token-value", "refresh-token-value",
                10_000L, userinfo);
    }

    @Test
    void isActiveUntilTheMarginBeforeExpiry() {
        OidcSession session = session(null);
        assertThat(session.isActive(9_000, 999)).isTrue();
        assertThat(session.isActive(9_000, 1_000)).isFalse();
        assertThat(session.isActive(10_000, 0)).isFalse();
    }

    @Test
    void claimsAreIdTokenClaimsWithUserinfoOnTop() {
        Map<String, Object> claims = session("{\"sub\":\"u1\",\"email\":\"new@example.test\",\"groups\":[\"g\"]}").claims();
        assertThat(claims).containsEntry("email", "new@example.test").containsEntry("groups", List.of("g"))
                .containsEntry("exp", 1700000000L);
    }

    @Test
    void principalCarriesNameRolesAndClaims() {
        OidcPrincipal principal = session(null).principal();
        assertThat(principal.getName()).isEqualTo("alice");
        assertThat(principal.getRoles()).containsExactly("admin");
        assertThat(principal.getSubject()).isEqualTo("u1");
        assertThat(principal.getClaims()).containsEntry("email", "a@example.test");
    }

    @Test
    void toStringShowsNoToken() {
        assertThat(session(null).toString()).doesNotContain("access-token-value", "refresh-token-value", "eyJ");
    }

    @Test
    void survivesSerializationWithItsPrincipal() throws IOException, ClassNotFoundException {
        OidcSession session = session("{\"sub\":\"u1\"}");
        session.claims();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            OidcSession copy = (OidcSession) in.readObject();
            assertThat(copy.principal().getName()).isEqualTo("alice");
            assertThat(copy.principal().getSession()).isSameAs(copy);
            assertThat(copy.claims()).containsEntry("email", "a@example.test");
            assertThat(copy.refreshToken()).isEqualTo("refresh-token-value");
        }
    }

    @Test
    void serialFormCarriesEveryValue() throws IOException, ClassNotFoundException {
        OidcSession session = new OidcSession("u1", "alice", new java.util.LinkedHashSet<>(List.of("b", "a")), ID_TOKEN,
                "access-token-value", null, 10_000L, "{\"sub\":\"u1\"}", "sid-7", 5_000L);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            OidcSession copy = (OidcSession) in.readObject();
            assertThat(copy.subject()).isEqualTo("u1");
            assertThat(copy.principalName()).isEqualTo("alice");
            assertThat(copy.roles()).containsExactly("b", "a");
            assertThat(copy.idToken()).isEqualTo(ID_TOKEN);
            assertThat(copy.accessToken()).isEqualTo("access-token-value");
            assertThat(copy.refreshToken()).isNull();
            assertThat(copy.expiresAtMillis()).isEqualTo(10_000L);
            assertThat(copy.userinfoJson()).isEqualTo("{\"sub\":\"u1\"}");
            assertThat(copy.sid()).isEqualTo("sid-7");
            assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
        }
    }

    @Test
    void serialFormCarriesTokensLongerThan64KiB() throws IOException, ClassNotFoundException {
        String huge = "h".repeat(70_000);
        OidcSession session = new OidcSession("u1", "alice", Set.of(), ID_TOKEN, huge, null, 1L, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((OidcSession) in.readObject()).accessToken()).isEqualTo(huge);
        }
    }

    @Test
    void serialFormCarriesIssuerAndTheIdTokensIat() throws IOException, ClassNotFoundException {
        OidcSession copy = deserialized(serialized(new OidcSession("https://op.example", "u1", "alice", Set.of(),
                ID_TOKEN, "at", null, 10_000L, null, "sid-7", 5_000L, 4_000L)));
        assertThat(copy.issuer()).isEqualTo("https://op.example");
        assertThat(copy.principal().issuer()).isEqualTo("https://op.example");
        assertThat(copy.principal().subject()).isEqualTo("u1");
        assertThat(copy.issuedAtMillis()).isEqualTo(4_000L);
        assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
    }

    /** A session as the release before this one wrote it (version 1 of the serial form). */
    private static final String PREVIOUS_RELEASE_FORM = "rO0ABXNyADRpby5naXRodWIub2lkY3NlcnZsZXQuY29yZS5zZXNzaW9uLlNlc3Npb25TZXJpYWxGb3JtAAAAAAAAAAEMAAB4cHeM" +
            "AQAAAAJ1MQAAAAVhbGljZQAAAAIAAAABYgAAAAFhAAAAFGguZXlKemRXSWlPaUoxTVNKOS5zAAAAEmFjY2Vzcy10b2tlbi12YWx1" +
            "ZQAAABNyZWZyZXNoLXRva2VuLXZhbHVlAAAAAAAAJxAAAAAMeyJzdWIiOiJ1MSJ9AAAABXNpZC03AAAAAAAAE4h4";

    private static OidcSession previousReleaseSession(String grantedScope) {
        return new OidcSession("u1", "alice", new java.util.LinkedHashSet<>(List.of("b", "a")), "h.eyJzdWIiOiJ1MSJ9.s",
                "access-token-value", "refresh-token-value", 10_000L, "{\"sub\":\"u1\"}", "sid-7", 5_000L, grantedScope);
    }

    private static byte[] serialized(OidcSession session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        return bytes.toByteArray();
    }

    private static OidcSession deserialized(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (OidcSession) in.readObject();
        }
    }

    @Test
    void theSameUserIsTheSameIssuerAndSubjectNeverTheSameName() {
        // OIDC Core §5.7: preferred_username is not unique; two people may both be called "alice"
        OidcSession alice = new OidcSession("https://op.example", "u1", "alice", Set.of(), ID_TOKEN, "at", null,
                1L, null, null, 0L, 0L);
        OidcSession otherAlice = new OidcSession("https://op.example", "u2", "alice", Set.of(), ID_TOKEN, "at",
                null, 1L, null, null, 0L, 0L);
        OidcSession renamed = new OidcSession("https://op.example", "u1", "alice.smith", Set.of(), ID_TOKEN, "at",
                null, 1L, null, null, 0L, 0L);
        OidcSession otherIssuer = new OidcSession("https://other.example", "u1", "alice", Set.of(), ID_TOKEN, "at",
                null, 1L, null, null, 0L, 0L);
        assertThat(alice.isSameUser(otherAlice)).isFalse();
        assertThat(alice.isSameUser(otherIssuer)).isFalse();
        assertThat(alice.isSameUser(renamed)).isTrue();
        assertThat(alice.principal()).isNotEqualTo(otherAlice.principal()).isNotEqualTo(otherIssuer.principal())
                .isEqualTo(renamed.principal());
    }

    @Test
    void serialFormCarriesTheGrantedScope() throws IOException, ClassNotFoundException {
        OidcSession copy = deserialized(serialized(previousReleaseSession("openid email")));
        assertThat(copy.grantedScope()).isEqualTo("openid email");
        assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
        assertThat(copy.sid()).isEqualTo("sid-7");
    }

    @Test
    void readsTheFormThePreviousReleaseWrote() throws IOException, ClassNotFoundException {
        OidcSession copy = deserialized(java.util.Base64.getDecoder().decode(PREVIOUS_RELEASE_FORM));
        assertThat(copy.grantedScope()).isNull();
        assertThat(copy.issuer()).isNull();
        assertThat(copy.issuedAtMillis()).isEqualTo(5_000L);
        assertThat(copy.refreshToken()).isEqualTo("refresh-token-value");
        assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
    }
}
