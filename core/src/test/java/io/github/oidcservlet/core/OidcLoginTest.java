package io.github.oidcservlet.core;

import io.github.oidcservlet.core.internal.session.LoginSerialForm;

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

class OidcLoginTest {

    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9."
            + Base64URL.encode("{\"sub\":\"u1\",\"email\":\"a@example.test\",\"exp\":1700000000}") + ".c2ln";

    private static OidcLogin session(String userinfo) {
        return OidcLogin.builder().subject("u1").principalName("alice").roles(Set.of("admin")).idToken(ID_TOKEN)
                .accessToken("access-token-value").refreshToken("refresh-token-value").expiresAtMillis(10_000L)
                .userinfoJson(userinfo).build();
    }

    @Test
    void isActiveUntilTheMarginBeforeExpiry() {
        OidcLogin session = session(null);
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
        OidcLogin session = session("{\"sub\":\"u1\"}");
        session.claims();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            OidcLogin copy = (OidcLogin) in.readObject();
            assertThat(copy.principal().getName()).isEqualTo("alice");
            assertThat(copy.principal().getSession()).isSameAs(copy);
            assertThat(copy.claims()).containsEntry("email", "a@example.test");
            assertThat(copy.refreshToken()).isEqualTo("refresh-token-value");
        }
    }

    @Test
    void serialFormCarriesEveryValue() throws IOException, ClassNotFoundException {
        OidcLogin session = OidcLogin.builder().subject("u1").principalName("alice")
                .roles(new java.util.LinkedHashSet<>(List.of("b", "a"))).idToken(ID_TOKEN)
                .accessToken("access-token-value").expiresAtMillis(10_000L).userinfoJson("{\"sub\":\"u1\"}")
                .sid("sid-7").loginAtMillis(5_000L).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            OidcLogin copy = (OidcLogin) in.readObject();
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
        OidcLogin session = OidcLogin.builder().subject("u1").principalName("alice").roles(Set.of())
                .idToken(ID_TOKEN).accessToken(huge).expiresAtMillis(1L).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((OidcLogin) in.readObject()).accessToken()).isEqualTo(huge);
        }
    }

    @Test
    void serialFormCarriesIssuerAndTheIdTokensIat() throws IOException, ClassNotFoundException {
        OidcLogin copy = deserialized(serialized(OidcLogin.builder().issuer("https://op.example").subject("u1")
                .principalName("alice").roles(Set.of()).idToken(ID_TOKEN).accessToken("at").expiresAtMillis(10_000L)
                .sid("sid-7").loginAtMillis(5_000L).issuedAtMillis(4_000L).build()));
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

    private static OidcLogin previousReleaseSession(String grantedScope) {
        return OidcLogin.builder().subject("u1").principalName("alice")
                .roles(new java.util.LinkedHashSet<>(List.of("b", "a"))).idToken("h.eyJzdWIiOiJ1MSJ9.s")
                .accessToken("access-token-value").refreshToken("refresh-token-value").expiresAtMillis(10_000L)
                .userinfoJson("{\"sub\":\"u1\"}").sid("sid-7").loginAtMillis(5_000L).grantedScope(grantedScope)
                .build();
    }

    /** The class name the 0.1.0 snapshots wrote before the per-user value was renamed from a session to a login. */
    private static final String OLD_FORM_NAME = "io.github.oidcservlet.core.session.SessionSerialForm";

    /**
     * A stream of an earlier version with the serial form's class under its current name: the rename changed the
     * class descriptor only; the values after it keep their layout and are what these tests read.
     */
    private static byte[] renamed(String base64) {
        byte[] old = java.util.Base64.getDecoder().decode(base64);
        byte[] oldName = OLD_FORM_NAME.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] newName = LoginSerialForm.class.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = 8; // magic, version, TC_OBJECT, TC_CLASSDESC, then the name's length (2 bytes) and the name
        assertThat(java.util.Arrays.copyOfRange(old, at, at + oldName.length)).isEqualTo(oldName);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(old, 0, at - 2);
        out.write(newName.length >> 8);
        out.write(newName.length & 0xff);
        out.write(newName, 0, newName.length);
        out.write(old, at + oldName.length, old.length - at - oldName.length);
        return out.toByteArray();
    }

    @Test
    void aFormWrittenUnderTheOldSessionNameIsNotReadable() {
        // CHANGELOG: logins serialized by 0.1.0 snapshots (class SessionSerialForm) are not readable; the user
        // logs in again
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> deserialized(java.util.Base64.getDecoder().decode(PREVIOUS_RELEASE_FORM)))
                .isInstanceOf(ClassNotFoundException.class).hasMessageContaining(OLD_FORM_NAME);
    }

    private static byte[] serialized(OidcLogin session) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        }
        return bytes.toByteArray();
    }

    private static OidcLogin deserialized(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (OidcLogin) in.readObject();
        }
    }

    @Test
    void theSameUserIsTheSameIssuerAndSubjectNeverTheSameName() {
        // OIDC Core §5.7: preferred_username is not unique; two people may both be called "alice"
        OidcLogin alice = OidcLogin.builder().issuer("https://op.example").subject("u1").principalName("alice")
                .roles(Set.of()).idToken(ID_TOKEN).accessToken("at").expiresAtMillis(1L).loginAtMillis(0L)
                .issuedAtMillis(0L).build();
        OidcLogin otherAlice = OidcLogin.builder().issuer("https://op.example").subject("u2")
                .principalName("alice").roles(Set.of()).idToken(ID_TOKEN).accessToken("at").expiresAtMillis(1L)
                .loginAtMillis(0L).issuedAtMillis(0L).build();
        OidcLogin renamed = OidcLogin.builder().issuer("https://op.example").subject("u1")
                .principalName("alice.smith").roles(Set.of()).idToken(ID_TOKEN).accessToken("at").expiresAtMillis(1L)
                .loginAtMillis(0L).issuedAtMillis(0L).build();
        OidcLogin otherIssuer = OidcLogin.builder().issuer("https://other.example").subject("u1")
                .principalName("alice").roles(Set.of()).idToken(ID_TOKEN).accessToken("at").expiresAtMillis(1L)
                .loginAtMillis(0L).issuedAtMillis(0L).build();
        assertThat(alice.isSameUser(otherAlice)).isFalse();
        assertThat(alice.isSameUser(otherIssuer)).isFalse();
        assertThat(alice.isSameUser(renamed)).isTrue();
        assertThat(alice.principal()).isNotEqualTo(otherAlice.principal()).isNotEqualTo(otherIssuer.principal())
                .isEqualTo(renamed.principal());
    }

    @Test
    void serialFormCarriesTheGrantedScope() throws IOException, ClassNotFoundException {
        OidcLogin copy = deserialized(serialized(previousReleaseSession("openid email")));
        assertThat(copy.grantedScope()).isEqualTo("openid email");
        assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
        assertThat(copy.sid()).isEqualTo("sid-7");
    }

    @Test
    void readsTheFormThePreviousReleaseWrote() throws IOException, ClassNotFoundException {
        OidcLogin copy = deserialized(renamed(PREVIOUS_RELEASE_FORM));
        assertThat(copy.grantedScope()).isNull();
        assertThat(copy.issuer()).isNull();
        assertThat(copy.issuedAtMillis()).isEqualTo(5_000L);
        assertThat(copy.refreshToken()).isEqualTo("refresh-token-value");
        assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
    }

    /** The same session as the release of issue 10 wrote it (version 2: with issuer and the ID token's iat). */
    private static final String VERSION_2_FORM = "rO0ABXNyADRpby5naXRodWIub2lkY3NlcnZsZXQuY29yZS5zZXNzaW9uLlNlc3Npb25TZXJpYWxGb3JtAAAAAAAAAAEMAAB4cHeu" +
            "AgAAAAJ1MQAAAAVhbGljZQAAAAIAAAABYgAAAAFhAAAAFGguZXlKemRXSWlPaUoxTVNKOS5zAAAAEmFjY2Vzcy10b2tlbi12YWx1" +
            "ZQAAABNyZWZyZXNoLXRva2VuLXZhbHVlAAAAAAAAJxAAAAAMeyJzdWIiOiJ1MSJ9AAAABXNpZC03AAAAAAAAE4gAAAASaHR0cHM6" +
            "Ly9vcC5leGFtcGxlAAAAAAAAD6D/////eA==";

    @Test
    void eachLoginHasARandomIdThatRefreshesAndSerializationKeep() throws IOException, ClassNotFoundException {
        OidcLogin login = previousReleaseSession(null).toBuilder().loginId(null).registrationId("corporate")
                .clientId("my-client").build();
        OidcLogin another = previousReleaseSession(null).toBuilder().loginId(null).build();
        assertThat(login.loginId()).hasSize(22).isNotEqualTo(another.loginId());
        OidcLogin refreshed = login.toBuilder().accessToken("at-2").refreshToken("rt-2").build();
        assertThat(refreshed.loginId()).isEqualTo(login.loginId());
        OidcLogin copy = deserialized(serialized(refreshed));
        assertThat(copy.loginId()).isEqualTo(login.loginId());
        assertThat(copy.registrationId()).isEqualTo("corporate");
        assertThat(copy.clientId()).isEqualTo("my-client");
        assertThat(copy.accessToken()).isEqualTo("at-2");
        assertThat(deserialized(serialized(another)).registrationId()).isEqualTo(OidcLogin.DEFAULT_REGISTRATION);
    }

    @Test
    void theOlderFormsAreReadAndEveryCopyOfOneStoredLoginGetsTheSameId() throws IOException, ClassNotFoundException {
        byte[] version2 = renamed(VERSION_2_FORM);
        OidcLogin copy = deserialized(version2);
        assertThat(copy.issuer()).isEqualTo("https://op.example");
        assertThat(copy.issuedAtMillis()).isEqualTo(4_000L);
        assertThat(copy.loginAtMillis()).isEqualTo(5_000L);
        assertThat(copy.roles()).containsExactly("b", "a");
        assertThat(copy.registrationId()).isEqualTo(OidcLogin.DEFAULT_REGISTRATION);
        assertThat(copy.loginId()).isNotNull().isEqualTo(deserialized(version2).loginId());
        byte[] version1 = renamed(PREVIOUS_RELEASE_FORM);
        assertThat(deserialized(version1).loginId()).isNotNull().isEqualTo(deserialized(version1).loginId());
    }

    @Test
    void theSerialFormStaysCompact() throws IOException {
        byte[] version1 = renamed(PREVIOUS_RELEASE_FORM);
        // the same values plus a 22-character login id, the registration and the ID token's iat: about as long
        // as version 1, because lengths take one byte instead of four
        assertThat(serialized(previousReleaseSession(null)).length).isLessThanOrEqualTo(version1.length + 8);
    }

    @Test
    void theSameLoginIsTheSameIdAndTokensWhicheverCopyHoldsThem() throws IOException, ClassNotFoundException {
        OidcLogin login = previousReleaseSession(null);
        OidcLogin copy = deserialized(serialized(login));
        assertThat(copy).isNotSameAs(login);
        assertThat(copy.isSameLoginAs(login)).isTrue();
        assertThat(copy.generation()).isEqualTo(login.generation());
        OidcLogin refreshed = login.toBuilder().accessToken("at-2").expiresAtMillis(20_000L).build();
        assertThat(refreshed.isSameLoginAs(login)).as("another generation").isFalse();
        assertThat(refreshed.generation()).isNotEqualTo(login.generation());
        assertThat(refreshed.isLoginOf(copy)).as("the same login, refreshed").isTrue();
        OidcLogin other = login.toBuilder().loginId(null).build();
        assertThat(other.isSameLoginAs(login)).isFalse();
        assertThat(other.isLoginOf(login)).isFalse();
        assertThat(login.isSameLoginAs(null)).isFalse();
    }
}
