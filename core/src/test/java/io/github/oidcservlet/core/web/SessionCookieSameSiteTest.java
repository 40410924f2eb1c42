package io.github.oidcservlet.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oidcservlet.core.TestClock;
import io.github.oidcservlet.core.OidcConfigException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session cookie's {@code SameSite} where the container wrote none (Servlet 4.0's {@code web.xml} cannot ask
 * for it; GlassFish, Payara and WildFly drop it): added by the answers that create or rename the session.
 */
class SessionCookieSameSiteTest {

    private final TestClock clock = new TestClock();
    private final InMemoryHttp.Response response = new InMemoryHttp.Response();

    /** A challenge of a browser navigation, whose container set the cookie of the session made for it. */
    private List<String> challengeWith(String containerCookie, String... keyValues) throws IOException {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = WebFixtures.adapter(clock, keyValues);
        try {
            response.setCookies.add("theme=dark; Path=/");
            response.setCookies.add(containerCookie);
            InMemoryHttp.Request request = new InMemoryHttp.Request("/profile");
            adapter.challenge(request, response, adapter.renew(request));
            assertThat(response.status).isEqualTo(302);
            return response.setCookies;
        } finally {
            adapter.engine().close();
        }
    }

    @Test
    void addsLaxToASessionCookieWrittenWithoutSameSite() throws IOException {
        assertThat(challengeWith("JSESSIONID=s1; Path=/; HttpOnly"))
                .containsExactly("theme=dark; Path=/", "JSESSIONID=s1; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void addsTheConfiguredStrict() throws IOException {
        assertThat(challengeWith("JSESSIONID=s1; Path=/; HttpOnly", "session-cookie-same-site", "strict"))
                .contains("JSESSIONID=s1; Path=/; HttpOnly; SameSite=Strict");
    }

    @Test
    void leavesTheContainersOwnSameSiteAsItIs() throws IOException {
        assertThat(challengeWith("JSESSIONID=s1; Path=/; samesite=None; Secure"))
                .containsExactly("theme=dark; Path=/", "JSESSIONID=s1; Path=/; samesite=None; Secure");
    }

    @Test
    void noneLeavesTheCookieAlone() throws IOException {
        assertThat(challengeWith("JSESSIONID=s1; Path=/; HttpOnly", "session-cookie-same-site", "none"))
                .containsExactly("theme=dark; Path=/", "JSESSIONID=s1; Path=/; HttpOnly");
    }

    @Test
    void aCallbackThatRenamesTheSessionGetsItToo() throws IOException {
        OidcWebAdapter<InMemoryHttp.Request, InMemoryHttp.Response> adapter = WebFixtures.adapter(clock);
        try {
            response.setCookies.add("JSESSIONID=s2; Path=/shop; HttpOnly");
            adapter.callback(new InMemoryHttp.Request("/oidc/callback").parameter("state", "forged"), response);
            assertThat(response.setCookies).containsExactly("JSESSIONID=s2; Path=/shop; HttpOnly; SameSite=Lax");
        } finally {
            adapter.engine().close();
        }
    }

    @Test
    void anUnknownValueFailsTheConfigurationNamingTheKey() {
        assertThatThrownBy(() -> WebFixtures.config("session-cookie-same-site", "sometimes"))
                .isInstanceOf(OidcConfigException.class)
                .hasMessageContaining("session-cookie-same-site").hasMessageContaining("sometimes");
    }
}
