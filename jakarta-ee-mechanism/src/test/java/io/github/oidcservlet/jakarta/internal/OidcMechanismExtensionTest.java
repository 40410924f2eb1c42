package io.github.oidcservlet.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.oidcservlet.core.web.OidcEngine;
import io.github.oidcservlet.core.web.OidcWebAdapter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extension over the adapter of several registrations: each login's own engine, and every engine stopped. */
class OidcMechanismExtensionTest {

    private final OidcEngine one = engine("one");
    private final OidcEngine two = engine("two");
    @SuppressWarnings("unchecked")
    private final OidcWebAdapter<HttpServletRequest, HttpServletResponse> adapter = mock(OidcWebAdapter.class);
    private final OidcMechanismExtension extension = new OidcMechanismExtension(adapter);

    OidcMechanismExtensionTest() {
        when(adapter.engines()).thenReturn(List.of(one, two));
        when(adapter.engine()).thenReturn(one);
    }

    @Test
    void aLoginsEngineIsThatOfItsRegistrationAndTheFirstForANameNoLongerConfigured() {
        assertThat(extension.engineOf("two")).isSameAs(two);
        assertThat(extension.engineOf("one")).isSameAs(one);
        assertThat(extension.engineOf("gone")).isSameAs(one);
    }

    @Test
    void shutdownClosesTheAdapterWithEveryEngineAndTheMechanismIsThenStopped() {
        extension.stop(null);

        verify(adapter).close();
        org.assertj.core.api.Assertions.assertThatThrownBy(extension::adapter)
                .isInstanceOf(IllegalStateException.class);
    }

    private static OidcEngine engine(String registration) {
        OidcEngine engine = mock(OidcEngine.class, RETURNS_DEEP_STUBS);
        when(engine.config().registration()).thenReturn(registration);
        return engine;
    }
}
