package io.github.oidcservlet.core.internal.store;

import io.github.oidcservlet.core.OidcLogin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryEndedLoginsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InMemoryEndedLogins index = new InMemoryEndedLogins(Duration.ofMinutes(10), 3, now::get);

    private static OidcLogin login(String sub, String sid, long at) {
        return OidcLogin.builder().subject(sub).principalName(sub).roles(Set.of()).idToken("h.p.s")
                .accessToken("at").refreshToken("rt").expiresAtMillis(at + 300_000).sid(sid).loginAtMillis(at)
                .build();
    }

    @Test
    void isEmptyUntilALogoutIsRecorded() {
        assertThat(index.isEmpty()).isTrue();
        index.end("sid-1", null, now.get(), now.get());
        assertThat(index.isEmpty()).isFalse();
    }

    @Test
    void sidEndsThatProviderSessionOnly() {
        index.end("sid-1", null, now.get(), now.get());
        assertThat(index.isEnded(login("alice", "sid-1", now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("alice", "sid-2", now.get() - 1))).isFalse();
    }

    @Test
    void sidAndSubTogetherEndTheLoginsMatchingEither() {
        // Back-Channel Logout 1.0 §2.7 as the hardening review reads it: a token with both ends either match
        index.end("sid-1", "alice", now.get(), now.get());
        assertThat(index.isEnded(login("alice", "sid-1", now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("alice", "sid-2", now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("bob", "sid-1", now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("bob", "sid-2", now.get() - 1))).isFalse();
    }

    @Test
    void theLoginsIdTokenIatDecidesNotWhenItLoggedInHere() {
        index.end(null, "alice", now.get(), now.get());
        // logged in here after the logout by our clock, but its ID token was issued before the logout token
        OidcLogin issuedBefore = OidcLogin.builder().issuer("iss").subject("alice").principalName("alice")
                .roles(Set.of()).idToken("h.p.s").accessToken("at").refreshToken("rt")
                .expiresAtMillis(now.get() + 300_000).sid("sid-1").loginAtMillis(now.get() + 5_000)
                .issuedAtMillis(now.get() - 1_000).build();
        OidcLogin issuedAfter = OidcLogin.builder().issuer("iss").subject("alice").principalName("alice")
                .roles(Set.of()).idToken("h.p.s").accessToken("at").refreshToken("rt")
                .expiresAtMillis(now.get() + 300_000).sid("sid-2").loginAtMillis(now.get() - 5_000)
                .issuedAtMillis(now.get() + 1_000).build();
        assertThat(index.isEnded(issuedBefore)).isTrue();
        assertThat(index.isEnded(issuedAfter)).isFalse();
    }

    @Test
    void withinTheSameSecondOfIatTheLocalOrderOfLoginAndLogoutDecides() {
        long second = 2_000_000L;
        index.end(null, "alice", second + 500, now.get());
        OidcLogin loggedInBefore = OidcLogin.builder().issuer("iss").subject("alice").principalName("alice")
                .roles(Set.of()).idToken("h.p.s").accessToken("at").refreshToken("rt")
                .expiresAtMillis(now.get() + 300_000).loginAtMillis(now.get() - 10).issuedAtMillis(second).build();
        OidcLogin loggedInAfter = OidcLogin.builder().issuer("iss").subject("alice").principalName("alice")
                .roles(Set.of()).idToken("h.p.s").accessToken("at").refreshToken("rt")
                .expiresAtMillis(now.get() + 300_000).loginAtMillis(now.get() + 10).issuedAtMillis(second).build();
        assertThat(index.isEnded(loggedInBefore)).isTrue();
        assertThat(index.isEnded(loggedInAfter)).isFalse();
    }

    @Test
    void subEndsEveryEarlierLoginOfThatUserButNotLaterOnes() {
        index.end(null, "alice", now.get(), now.get());
        assertThat(index.isEnded(login("alice", "sid-1", now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("alice", null, now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("bob", null, now.get() - 1))).isFalse();
        assertThat(index.isEnded(login("alice", "sid-9", now.get() + 1))).isFalse();
    }

    @Test
    void entriesAreBoundedInNumberAndTime() {
        for (int i = 0; i < 5; i++) {
            index.end("sid-" + i, null, now.get() + i, now.get() + i);
        }
        assertThat(index.isEnded(login("a", "sid-0", 0))).as("oldest dropped beyond 3").isFalse();
        assertThat(index.isEnded(login("a", "sid-4", 0))).isTrue();
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        index.end(null, "zed", now.get(), now.get());
        assertThat(index.isEnded(login("a", "sid-4", 0))).as("expired after the retention").isFalse();
    }

    private static final String TENANT_A = "https://login.microsoftonline.com/aaaa/v2.0";
    private static final String TENANT_B = "https://login.microsoftonline.com/bbbb/v2.0";

    private static OidcLogin login(String issuer, String sub, String sid, long at) {
        return login(sub, sid, at).toBuilder().issuer(issuer).build();
    }

    @Test
    void aScopedKeyEndsTheLoginOfThatIssuerFoundByItsOwnIssuerAndValues() {
        index.end(TENANT_A + " sid-1", TENANT_A + " alice", now.get(), now.get());
        assertThat(index.isEndedScoped(login(TENANT_A, "alice", "sid-9", now.get() - 1))).as("sub of A").isTrue();
        assertThat(index.isEndedScoped(login(TENANT_A, "bob", "sid-1", now.get() - 1))).as("sid of A").isTrue();
        assertThat(index.isEndedScoped(login(TENANT_B, "alice", "sid-1", now.get() - 1))).as("same values, B")
                .isFalse();
        assertThat(index.isEndedScoped(login(TENANT_A, "alice", "sid-1", now.get() + 1))).as("a later login")
                .isFalse();
        // the copy with the scoped keys (SPI default) finds the same entries
        assertThat(index.isEnded(login(TENANT_A, TENANT_A + " alice", null, now.get() - 1))).isTrue();
        assertThat(index.isEnded(login(TENANT_B, TENANT_B + " alice", null, now.get() - 1))).isFalse();
    }

    @Test
    void aPlainValueHoldingASpaceIsStillFoundAndNoScopedLoginMatchesIt() {
        index.end("odd sid", null, now.get(), now.get());
        assertThat(index.isEnded(login("alice", "odd sid", now.get() - 1))).isTrue();
        assertThat(index.isEnded(login("alice", "odd", now.get() - 1))).isFalse();
        assertThat(index.isEnded(login("alice", "sid", now.get() - 1))).isFalse();
    }

    @Test
    void scopedEntriesAreBoundedInNumberAndTimeAsPlainOnes() {
        for (int i = 0; i < 5; i++) {
            index.end((i % 2 == 0 ? TENANT_A : TENANT_B) + " sid-" + i, null, now.get() + i, now.get() + i);
        }
        assertThat(index.isEndedScoped(login(TENANT_A, "a", "sid-0", 0))).as("oldest dropped beyond 3").isFalse();
        assertThat(index.isEndedScoped(login(TENANT_B, "a", "sid-1", 0))).as("second oldest dropped").isFalse();
        assertThat(index.isEndedScoped(login(TENANT_A, "a", "sid-4", 0))).isTrue();
        assertThat(index.toString()).contains("sids=3");
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        index.end(null, "zed", now.get(), now.get());
        assertThat(index.isEndedScoped(login(TENANT_A, "a", "sid-4", 0))).as("expired after the retention").isFalse();
        assertThat(index.toString()).contains("sids=0");
    }
}
