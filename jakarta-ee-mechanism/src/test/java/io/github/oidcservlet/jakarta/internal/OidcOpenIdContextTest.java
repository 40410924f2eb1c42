package io.github.oidcservlet.jakarta.internal;

import io.github.oidcservlet.jakarta.OidcContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.oidcservlet.core.OidcLogin;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 6749 §5.1, §3.3: {@code AccessToken.getScope()} is the scope granted, not merely the one requested. */
class OidcOpenIdContextTest {

    private static final String REQUESTED = "openid profile email";

    private static OidcOpenIdContext contextOf(OidcLogin session) {
        OidcOpenIdContext context = new OidcOpenIdContext();
        context.oidc = mock(OidcContext.class);
        when(context.oidc.find()).thenReturn(Optional.of(session));
        when(context.oidc.getAccessToken()).thenReturn(session.accessToken());
        when(context.oidc.getExpiresAt()).thenReturn(Instant.ofEpochMilli(session.expiresAtMillis()));
        when(context.oidc.getRegistration()).thenReturn(session.registrationId());
        context.extension = mock(OidcMechanismExtension.class, RETURNS_DEEP_STUBS);
        when(context.extension.engineOf(session.registrationId()).config().scopes()).thenReturn(REQUESTED);
        return context;
    }

    private static OidcLogin session(String grantedScope) {
        return OidcLogin.builder().subject("u1").principalName("alice").roles(Set.of()).idToken("a.b.c")
                .accessToken("opaque-access-token").expiresAtMillis(10_000L).loginAtMillis(0L)
                .grantedScope(grantedScope).build();
    }

    @Test
    void theScopeIsTheOneTheProviderGranted() {
        assertThat(contextOf(session("openid email")).getAccessToken().getScope())
                .containsExactlyInAnyOrder("openid", "email");
    }

    /** With several registrations, the login's own registration is the one asked (its scopes, its metadata). */
    @Test
    void withSeveralRegistrationsTheRequestedScopeIsThatOfTheLoginsRegistration() {
        OidcLogin ofTwo = session(null).toBuilder().registrationId("two").build();
        OidcOpenIdContext context = contextOf(ofTwo);
        when(context.extension.engineOf("two").config().scopes()).thenReturn("openid two");
        when(context.extension.adapter().engine().config().scopes()).thenReturn("openid one");

        assertThat(context.getAccessToken().getScope()).containsExactlyInAnyOrder("openid", "two");
    }

    @Test
    void withoutAGrantedScopeInTheResponseTheScopeIsTheRequestedOne() {
        assertThat(contextOf(session(null)).getAccessToken().getScope())
                .containsExactlyInAnyOrder("openid", "profile", "email");
    }
}
