package io.github.oidcservlet.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.oidcservlet.core.OidcLogin;
import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.jakarta.internal.OidcMechanismExtension;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link OidcContext} tells which provider registration the caller logged in with. */
class OidcContextTest {

    private final OidcContext context = new OidcContext();

    OidcContextTest() {
        context.request = mock(HttpServletRequest.class);
        context.extension = mock(OidcMechanismExtension.class);
        OidcEngine work = engine("work", "Staff account");
        OidcEngine unnamed = engine("default", "default");
        when(context.extension.engineOf("work")).thenReturn(work);
        when(context.extension.engineOf("default")).thenReturn(unnamed);
        when(context.extension.engineOf("gone")).thenReturn(work);
    }

    @Test
    void theRegistrationAndItsDisplayNameAreThoseOfTheCallersLogin() {
        loggedIn("work");

        assertThat(context.getRegistration()).isEqualTo("work");
        assertThat(context.getRegistrationDisplayName()).isEqualTo("Staff account");
        assertThat(context.toString()).isEqualTo("OidcContext[alice of work]");
    }

    @Test
    void withOneProviderTheRegistrationIsDefault() {
        loggedIn(OidcLogin.DEFAULT_REGISTRATION);

        assertThat(context.getRegistration()).isEqualTo("default");
    }

    @Test
    void aRegistrationNoLongerConfiguredIsShownByItsName() {
        loggedIn("gone");

        assertThat(context.getRegistrationDisplayName()).isEqualTo("gone");
    }

    @Test
    void anAnonymousRequestHasNoRegistration() {
        assertThat(context.isAuthenticated()).isFalse();
        assertThatThrownBy(context::getRegistration).isInstanceOf(IllegalStateException.class);
    }

    private void loggedIn(String registration) {
        OidcLogin login = OidcLogin.builder().registrationId(registration).subject("u1").principalName("alice")
                .roles(Set.of()).idToken("a.b.c").accessToken("at").expiresAtMillis(10_000L).loginAtMillis(0L)
                .build();
        when(context.request.getAttribute(OidcAuthenticationMechanism.SESSION_REQUEST_ATTRIBUTE)).thenReturn(login);
    }

    private static OidcEngine engine(String registration, String displayName) {
        OidcEngine engine = mock(OidcEngine.class, RETURNS_DEEP_STUBS);
        when(engine.config().registration()).thenReturn(registration);
        when(engine.config().displayName()).thenReturn(displayName);
        return engine;
    }
}
